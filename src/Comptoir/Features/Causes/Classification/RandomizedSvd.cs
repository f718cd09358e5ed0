namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Truncated SVD of a sparse matrix by randomized subspace iteration (Halko, Martinsson and Tropp 2011,
/// algorithms 4.4 and 5.1): the range of X is sampled with a Gaussian test matrix of k + p columns, refined
/// by a few power iterations (re-orthonormalised each time, so that the small singular values are not
/// lost to rounding), and the SVD of the small projected matrix gives the top k singular triplets. Only the
/// right singular vectors are returned: they are what a latent projection of new rows needs.
/// </summary>
/// <remarks>
/// The small problem is solved as the eigendecomposition of BBᵀ (B = QᵀX, (k + p) × (k + p)), with
/// Bᵀ = XᵀQ computed directly from the sparse matrix, so nothing of size columns × columns is formed.
/// Text matrices have slowly decaying spectra; two power iterations make the leading vectors accurate
/// enough for features, which is all they are used for here.
/// </remarks>
internal static class RandomizedSvd
{
    public const int DefaultOversampling = 10;

    public const int DefaultPowerIterations = 2;

    /// <summary>
    /// The top <paramref name="rank"/> singular values of <paramref name="x"/> (largest first) and the
    /// matching right singular vectors, stored by column of X: <c>Vectors[column * rank + j]</c>. The rank
    /// is cut to min(rows, columns).
    /// </summary>
    public static (double[] Values, double[] Vectors, int Rank) Compute(
        SparseMatrix x, int rank, int seed, ParallelOptions parallel, int oversampling = DefaultOversampling, int powerIterations = DefaultPowerIterations)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rank);
        var (n, d) = (x.Rows, x.Columns);
        rank = Math.Min(rank, Math.Min(n, d));
        var width = Math.Min(rank + oversampling, Math.Min(n, d));
        var transposed = x.Transposed();

        // Ω: columns × width standard normal, then Y = XΩ with orthonormal columns.
        var random = new Random(seed);
        var omega = new double[width][];
        for (var j = 0; j < width; j++)
        {
            omega[j] = new double[d];
            for (var f = 0; f < d; f++)
            {
                omega[j][f] = Gaussian(random);
            }
        }

        var q = Orthonormalise(Multiply(x, omega, parallel));
        for (var i = 0; i < powerIterations; i++)
        {
            q = Orthonormalise(Multiply(x, Orthonormalise(Multiply(transposed, q, parallel)), parallel));
        }

        // Bᵀ = XᵀQ (columns × width); BBᵀ = (XᵀQ)ᵀ(XᵀQ) = U Λ Uᵀ, and V = Bᵀ U Λ^(-1/2).
        var bt = Multiply(transposed, q, parallel);
        var gram = new double[width * width];
        Parallel.For(0, width, parallel, a =>
        {
            for (var b = 0; b <= a; b++)
            {
                gram[(a * width) + b] = gram[(b * width) + a] = DenseVector.Dot(bt[a], bt[b]);
            }
        });

        var (eigenvalues, eigenvectors) = SymmetricEigen.Decompose(gram, width);
        var values = new double[rank];
        var vectors = new double[d * rank];
        for (var j = 0; j < rank; j++)
        {
            values[j] = Math.Sqrt(Math.Max(eigenvalues[j], 0));
            if (values[j] <= 0)
            {
                continue;
            }

            var column = new double[d];
            for (var a = 0; a < width; a++)
            {
                DenseVector.AddScaled(column, bt[a], eigenvectors[(a * width) + j] / values[j]);
            }

            for (var f = 0; f < d; f++)
            {
                vectors[(f * rank) + j] = column[f];
            }
        }

        return (values, vectors, rank);
    }

    /// <summary>The product of the sparse matrix with dense columns, as dense columns (one per input column).</summary>
    private static double[][] Multiply(SparseMatrix x, double[][] columns, ParallelOptions parallel)
    {
        var result = new double[columns.Length][];
        Parallel.For(0, columns.Length, parallel, j =>
        {
            var input = columns[j];
            var output = new double[x.Rows];
            for (var i = 0; i < x.Rows; i++)
            {
                var indices = x.Indices(i);
                var values = x.Values(i);
                var sum = 0.0;
                for (var k = 0; k < indices.Length; k++)
                {
                    sum += values[k] * input[indices[k]];
                }

                output[i] = sum;
            }

            result[j] = output;
        });
        return result;
    }

    /// <summary>
    /// Modified Gram–Schmidt, each column orthogonalised twice against the previous ones ("twice is
    /// enough"), in place; a column that vanishes (rank deficiency) is left at zero.
    /// </summary>
    internal static double[][] Orthonormalise(double[][] columns)
    {
        for (var j = 0; j < columns.Length; j++)
        {
            var column = columns[j];
            var before = Math.Sqrt(DenseVector.Dot(column, column));
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = 0; i < j; i++)
                {
                    DenseVector.AddScaled(column, columns[i], -DenseVector.Dot(columns[i], column));
                }
            }

            var norm = Math.Sqrt(DenseVector.Dot(column, column));
            DenseVector.Scale(column, norm > 1e-10 * Math.Max(before, double.Epsilon) ? 1 / norm : 0);
        }

        return columns;
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller.
        var u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
