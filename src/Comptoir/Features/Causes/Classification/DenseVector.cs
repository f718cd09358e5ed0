using System.Numerics;
using System.Runtime.InteropServices;

namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// The few dense vector operations of the truncated SVD, vectorised with <see cref="Vector{T}"/>: they run
/// over columns of thousands of values, hundreds of times, and dominate its cost after the sparse products.
/// </summary>
internal static class DenseVector
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var vectorised = Vector.IsHardwareAccelerated ? a.Length - (a.Length % Vector<double>.Count) : 0;
        var av = MemoryMarshal.Cast<double, Vector<double>>(a[..vectorised]);
        var bv = MemoryMarshal.Cast<double, Vector<double>>(b[..vectorised]);
        var sum = Vector<double>.Zero;
        for (var i = 0; i < av.Length; i++)
        {
            sum += av[i] * bv[i];
        }

        var result = Vector.Sum(sum);
        for (var i = vectorised; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    /// <summary>target += factor × source.</summary>
    public static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        var vectorised = Vector.IsHardwareAccelerated ? target.Length - (target.Length % Vector<double>.Count) : 0;
        var tv = MemoryMarshal.Cast<double, Vector<double>>(target[..vectorised]);
        var sv = MemoryMarshal.Cast<double, Vector<double>>(source[..vectorised]);
        var f = new Vector<double>(factor);
        for (var i = 0; i < tv.Length; i++)
        {
            tv[i] += sv[i] * f;
        }

        for (var i = vectorised; i < target.Length; i++)
        {
            target[i] += source[i] * factor;
        }
    }

    public static void Scale(Span<double> target, double factor)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] *= factor;
        }
    }
}
