namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Eigendecomposition of a small dense symmetric matrix by the cyclic Jacobi method: plane rotations zero
/// the off-diagonal entries one by one until they vanish. Slower than tridiagonalisation for large
/// matrices but short, unconditionally stable and accurate for the few-hundred-wide Gram matrices of the
/// truncated SVD (<see cref="RandomizedSvd"/>).
/// </summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// Eigenvalues in decreasing order and eigenvectors as columns, <c>Vectors[row * size + j]</c> being
    /// entry <c>row</c> of the eigenvector of <c>Values[j]</c>. <paramref name="matrix"/> (row-major,
    /// size × size) is overwritten.
    /// </summary>
    public static (double[] Values, double[] Vectors) Decompose(double[] matrix, int size)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Length != size * size)
        {
            throw new ArgumentException("The matrix is not size × size.", nameof(matrix));
        }

        var a = matrix;
        var v = new double[size * size];
        for (var i = 0; i < size; i++)
        {
            v[(i * size) + i] = 1;
        }

        var scale = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            scale += a[i] * a[i];
        }

        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < size; p++)
            {
                for (var q = p + 1; q < size; q++)
                {
                    off += a[(p * size) + q] * a[(p * size) + q];
                }
            }

            if (off <= 1e-30 * scale)
            {
                break;
            }

            for (var p = 0; p < size; p++)
            {
                for (var q = p + 1; q < size; q++)
                {
                    Rotate(a, v, size, p, q);
                }
            }
        }

        var order = Enumerable.Range(0, size).OrderByDescending(i => a[(i * size) + i]).ToArray();
        var values = new double[size];
        var vectors = new double[size * size];
        for (var j = 0; j < size; j++)
        {
            values[j] = a[(order[j] * size) + order[j]];
            for (var row = 0; row < size; row++)
            {
                vectors[(row * size) + j] = v[(row * size) + order[j]];
            }
        }

        return (values, vectors);
    }

    /// <summary>The rotation in the (p, q) plane that zeroes a[p, q] (Golub and Van Loan, algorithm 8.4.1).</summary>
    private static void Rotate(double[] a, double[] v, int size, int p, int q)
    {
        var apq = a[(p * size) + q];
        if (apq == 0)
        {
            return;
        }

        var theta = (a[(q * size) + q] - a[(p * size) + p]) / (2 * apq);
        var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        if (theta == 0)
        {
            t = 1;
        }

        var c = 1 / Math.Sqrt((t * t) + 1);
        var s = t * c;
        for (var k = 0; k < size; k++)
        {
            // Columns p and q, then rows p and q: A ← JᵀAJ.
            var akp = a[(k * size) + p];
            var akq = a[(k * size) + q];
            a[(k * size) + p] = (c * akp) - (s * akq);
            a[(k * size) + q] = (s * akp) + (c * akq);
        }

        for (var k = 0; k < size; k++)
        {
            var apk = a[(p * size) + k];
            var aqk = a[(q * size) + k];
            a[(p * size) + k] = (c * apk) - (s * aqk);
            a[(q * size) + k] = (s * apk) + (c * aqk);
        }

        for (var k = 0; k < size; k++)
        {
            var vkp = v[(k * size) + p];
            var vkq = v[(k * size) + q];
            v[(k * size) + p] = (c * vkp) - (s * vkq);
            v[(k * size) + q] = (s * vkp) + (c * vkq);
        }
    }
}
