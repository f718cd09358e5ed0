using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

public sealed class RandomizedSvdTests
{
    private static readonly ParallelOptions Parallel = new() { MaxDegreeOfParallelism = 2 };

    /// <summary>
    /// A 6 × 5 matrix of rank 3 with known singular values 5, 3 and 1: X = U Σ Vᵀ with U the first three
    /// columns of a 6 × 6 signed permutation scaled to orthonormal and V those of a 5 × 5 Hadamard-like basis.
    /// </summary>
    internal static (SparseMatrix X, double[] Sigma, double[][] V) KnownMatrix()
    {
        var s = 1 / Math.Sqrt(2);
        double[][] u = [[s, s, 0, 0, 0, 0], [0, 0, s, -s, 0, 0], [0, 0, 0, 0, 1, 0]];
        double[][] v = [[0.5, 0.5, 0.5, 0.5, 0], [0.5, -0.5, 0.5, -0.5, 0], [0, 0, 0, 0, 1]];
        double[] sigma = [5, 3, 1];
        var rows = new List<(int[] Indices, float[] Values)>();
        for (var i = 0; i < 6; i++)
        {
            var indices = new List<int>();
            var values = new List<float>();
            for (var f = 0; f < 5; f++)
            {
                var value = Enumerable.Range(0, 3).Sum(j => sigma[j] * u[j][i] * v[j][f]);
                if (Math.Abs(value) > 1e-12)
                {
                    indices.Add(f);
                    values.Add((float)value);
                }
            }

            rows.Add(([.. indices], [.. values]));
        }

        return (SparseMatrix.FromRows(rows, 5), sigma, v);
    }

    [Fact]
    public void Randomized_svd_recovers_the_singular_values_and_vectors_of_a_known_matrix()
    {
        var (x, sigma, v) = KnownMatrix();

        var (values, vectors, rank) = RandomizedSvd.Compute(x, 3, 11, Parallel);

        Assert.Equal(3, rank);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(sigma[j], values[j], 4);

            // Singular vectors are defined up to sign.
            var dot = Enumerable.Range(0, 5).Sum(f => vectors[(f * rank) + j] * v[j][f]);
            Assert.Equal(1.0, Math.Abs(dot), 4);
        }
    }

    [Fact]
    public void A_rank_beyond_the_matrix_is_cut_and_its_missing_values_are_zero()
    {
        var (x, _, _) = KnownMatrix();

        var (values, _, rank) = RandomizedSvd.Compute(x, 8, 3, Parallel);

        Assert.Equal(5, rank);
        Assert.Equal(0.0, values[3], 4);
        Assert.Equal(0.0, values[4], 4);
    }

    [Fact]
    public void Jacobi_diagonalises_a_symmetric_matrix()
    {
        // Eigenvalues of [[2, 1], [1, 2]] are 3 and 1, eigenvectors (1, 1) and (1, −1) over √2.
        var (values, vectors) = SymmetricEigen.Decompose([2, 1, 1, 2], 2);

        Assert.Equal([3.0, 1.0], values.Select(e => Math.Round(e, 10)));
        Assert.Equal(1 / Math.Sqrt(2), Math.Abs(vectors[0]), 10);
        Assert.Equal(vectors[0], vectors[2], 10);
        Assert.Equal(vectors[1], -vectors[3], 10);
    }

    [Fact]
    public void Transposing_swaps_rows_and_columns()
    {
        var (x, _, _) = KnownMatrix();

        var t = x.Transposed();

        Assert.Equal((x.Columns, x.Rows), (t.Rows, t.Columns));
        for (var i = 0; i < x.Rows; i++)
        {
            var indices = x.Indices(i);
            for (var k = 0; k < indices.Length; k++)
            {
                var at = t.Indices(indices[k]).IndexOf(i);
                Assert.Equal(x.Values(i)[k], t.Values(indices[k])[at]);
            }
        }
    }

    [Fact]
    public void Stacking_puts_the_rows_of_one_matrix_under_the_other()
    {
        var (x, _, _) = KnownMatrix();

        var stacked = SparseMatrix.Stack(x, x);

        Assert.Equal((2 * x.Rows, x.Columns), (stacked.Rows, stacked.Columns));
        Assert.Equal(x.Indices(1).ToArray(), stacked.Indices(x.Rows + 1).ToArray());
        Assert.Equal(x.Values(1).ToArray(), stacked.Values(x.Rows + 1).ToArray());
    }
}
