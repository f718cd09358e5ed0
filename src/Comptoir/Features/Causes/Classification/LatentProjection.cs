using System.Numerics;
using System.Runtime.InteropServices;

namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Latent semantic analysis (LSA) of one view's TF-IDF vectors: a dense block of <see cref="Rank"/> values
/// per text, the projection of its sparse vector onto the top right singular vectors of the training
/// TF-IDF matrix (<see cref="RandomizedSvd"/>), appended to the sparse features so that the linear scorers
/// see both. Texts that share no n-gram but use words that co-occur in the training texts get close
/// latent vectors, which bag-of-n-gram features alone cannot express.
/// </summary>
/// <remarks>
/// The block is scaled either per text (L2-normalised, then times the weight) or by one constant for all
/// texts (the weight over the mean norm of the training projections). The second keeps the block a linear
/// function of the sparse vector, so the weights learnt on it fold back into the sparse weights
/// (W + s·V·W_latent, <see cref="Fold"/>) and the stored model keeps its shape and prediction speed.
/// </remarks>
internal sealed class LatentProjection
{
    private readonly float[] _basis;

    private LatentProjection(float[] basis, int columns, int rank, LatentNormalisation normalisation, float scale)
    {
        _basis = basis;
        Columns = columns;
        Rank = rank;
        Normalisation = normalisation;
        Scale = scale;
    }

    /// <summary>Number of sparse features projected.</summary>
    public int Columns { get; }

    public int Rank { get; }

    public LatentNormalisation Normalisation { get; }

    /// <summary>The factor of the projections: the weight, divided by the mean training norm under <see cref="LatentNormalisation.Mean"/>.</summary>
    public float Scale { get; }

    /// <summary>True when the block is a fixed linear map of the sparse vector, so that it can be folded away.</summary>
    public bool IsLinear => Normalisation == LatentNormalisation.Mean;

    /// <summary>
    /// Fits the basis on the rows of <paramref name="basisRows"/> (the training vectors, possibly with
    /// unlabelled ones) and the scale on <paramref name="training"/>.
    /// </summary>
    public static LatentProjection Fit(
        SparseMatrix basisRows, SparseMatrix training, int rank, double weight, LatentNormalisation normalisation, int seed, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(basisRows);
        ArgumentNullException.ThrowIfNull(training);
        var (_, vectors, kept) = RandomizedSvd.Compute(basisRows, rank, seed, parallel);
        var basis = vectors.Select(v => (float)v).ToArray();
        var unscaled = new LatentProjection(basis, basisRows.Columns, kept, LatentNormalisation.Mean, 1f);
        if (normalisation == LatentNormalisation.PerText)
        {
            return new LatentProjection(basis, basisRows.Columns, kept, normalisation, (float)weight);
        }

        var norms = new double[training.Rows];
        Parallel.For(0, training.Rows, parallel, () => new float[kept], (i, _, z) =>
        {
            unscaled.Project(training.Indices(i), training.Values(i), z);
            norms[i] = Math.Sqrt(z.Sum(v => (double)v * v));
            return z;
        }, _ => { });
        var mean = norms.Length == 0 ? 0 : norms.Average();
        return new LatentProjection(basis, basisRows.Columns, kept, normalisation, (float)(mean > 0 ? weight / mean : weight));
    }

    /// <summary>Writes the scaled latent vector of the sparse vector (<paramref name="ids"/>, <paramref name="values"/>) to <paramref name="latent"/>.</summary>
    public void Project(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> latent)
    {
        latent = latent[..Rank];
        latent.Clear();
        var vectorised = Vector.IsHardwareAccelerated ? Rank - (Rank % Vector<float>.Count) : 0;
        var target = MemoryMarshal.Cast<float, Vector<float>>(latent[..vectorised]);
        for (var k = 0; k < ids.Length; k++)
        {
            var row = _basis.AsSpan(ids[k] * Rank, Rank);
            var value = values[k];
            var source = MemoryMarshal.Cast<float, Vector<float>>(row[..vectorised]);
            for (var v = 0; v < target.Length; v++)
            {
                target[v] += source[v] * value;
            }

            for (var j = vectorised; j < Rank; j++)
            {
                latent[j] += row[j] * value;
            }
        }

        var factor = Scale;
        if (Normalisation == LatentNormalisation.PerText)
        {
            var norm = 0.0;
            foreach (var v in latent)
            {
                norm += v * v;
            }

            factor = norm > 0 ? (float)(Scale / Math.Sqrt(norm)) : 0f;
        }

        for (var j = 0; j < Rank; j++)
        {
            latent[j] *= factor;
        }
    }

    /// <summary>The rows of <paramref name="x"/> with their latent block appended as features Columns … Columns + Rank − 1.</summary>
    public SparseMatrix Append(SparseMatrix x, ParallelOptions parallel)
    {
        var rows = new (int[] Indices, float[] Values)[x.Rows];
        Parallel.For(0, x.Rows, parallel, i =>
        {
            var indices = x.Indices(i);
            var values = x.Values(i);
            var ids = new int[indices.Length + Rank];
            var all = new float[ids.Length];
            indices.CopyTo(ids);
            values.CopyTo(all);
            for (var j = 0; j < Rank; j++)
            {
                ids[indices.Length + j] = Columns + j;
            }

            Project(indices, values, all.AsSpan(indices.Length));
            rows[i] = (ids, all);
        });
        return SparseMatrix.FromRows(rows, Columns + Rank);
    }

    /// <summary>
    /// Folds weights over the sparse and latent features (<c>[(Columns + Rank) × labels]</c>) into weights
    /// over the sparse features alone that give the same scores: W[f] + Scale · Σⱼ V[f, j] · W[Columns + j].
    /// Only for a linear block.
    /// </summary>
    public float[] Fold(float[] weights, int labelCount)
    {
        if (!IsLinear)
        {
            throw new InvalidOperationException("A block normalised per text is not linear and cannot be folded.");
        }

        var folded = weights[..(Columns * labelCount)];
        var latent = weights.AsSpan(Columns * labelCount, Rank * labelCount);
        var row = new double[labelCount];
        for (var f = 0; f < Columns; f++)
        {
            Array.Clear(row);
            var basis = _basis.AsSpan(f * Rank, Rank);
            for (var j = 0; j < Rank; j++)
            {
                var b = basis[j];
                var source = latent.Slice(j * labelCount, labelCount);
                for (var c = 0; c < labelCount; c++)
                {
                    row[c] += b * source[c];
                }
            }

            for (var c = 0; c < labelCount; c++)
            {
                folded[(f * labelCount) + c] += (float)(Scale * row[c]);
            }
        }

        return folded;
    }
}

/// <summary>How the latent block of <see cref="LatentProjection"/> is scaled.</summary>
public enum LatentNormalisation
{
    /// <summary>Each text's block L2-normalised, then times the weight; kept beside the sparse weights in the model.</summary>
    PerText,

    /// <summary>Every block times the weight over the mean norm of the training blocks; folded into the sparse weights.</summary>
    Mean,
}
