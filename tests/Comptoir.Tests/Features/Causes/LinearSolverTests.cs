using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

public sealed class LinearSolverTests
{
    /// <summary>Three causes, each marked by a feature of its own (0, 1, 2) among shared noise (3, 4).</summary>
    private static (SparseMatrix X, double[] Norms, int[] Truth) ThreeCauses()
    {
        var rows = new List<(int[] Indices, float[] Values)>();
        var truth = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            var cause = i % 3;
            rows.Add(([cause, 3 + (i % 2)], [1f, 0.5f]));
            truth.Add(cause);
        }

        var x = SparseMatrix.FromRows(rows, 5);
        var norms = Enumerable.Range(0, x.Rows).Select(i => x.Values(i).ToArray().Sum(v => (double)v * v)).ToArray();
        return (x, norms, [.. truth]);
    }

    private static int Predict(SparseMatrix x, int row, double[] weights, int labels)
    {
        var scores = new double[labels];
        var indices = x.Indices(row);
        var values = x.Values(row);
        for (var c = 0; c < labels; c++)
        {
            scores[c] = weights[(x.Columns * labels) + c];
            for (var k = 0; k < indices.Length; k++)
            {
                scores[c] += weights[(indices[k] * labels) + c] * values[k];
            }
        }

        return Array.IndexOf(scores, scores.Max());
    }

    [Fact]
    public void Crammer_singer_converges_and_separates_three_causes()
    {
        var (x, norms, truth) = ThreeCauses();
        var weights = new double[(x.Columns + 1) * 3];

        var passes = CrammerSingerSolver.Train(x, norms, truth, 3, 1.0, 0.01, 1000, 7, weights, TestContext.Current.CancellationToken);

        Assert.InRange(passes, 1, 999);
        Assert.All(Enumerable.Range(0, x.Rows), i => Assert.Equal(truth[i], Predict(x, i, weights, 3)));

        // Each cause's own feature weighs most for that cause.
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(c, Array.IndexOf(weights, weights.AsSpan(c * 3, 3).ToArray().Max(), c * 3, 3) - (c * 3));
        }
    }

    [Fact]
    public void The_crammer_singer_sub_problem_keeps_its_constraints()
    {
        var result = new double[4];

        // Truth at position 1, cost 2: α sums to 0, α_truth ≤ C, every other α ≤ 0.
        CrammerSingerSolver.SolveSubProblem(1.5, 1, 2.0, 4, [0.3, -1.0, 0.8, 0.1], result, new double[4]);

        Assert.Equal(0.0, result.Sum(), 10);
        Assert.InRange(result[1], 0.0, 2.0);
        Assert.All(new[] { result[0], result[2], result[3] }, a => Assert.True(a <= 0));
        Assert.True(result[1] > 0, "the truth's variable moves up when another cause scores higher");
    }

    [Theory]
    [InlineData(SvmLoss.SquaredHinge)]
    [InlineData(SvmLoss.Hinge)]
    public void Both_svm_losses_separate_one_cause_from_the_rest(SvmLoss loss)
    {
        var (x, norms, truth) = ThreeCauses();
        var positive = truth.Select(t => t == 2).ToArray();
        var weights = new double[x.Columns + 1];

        var passes = LinearSvmSolver.Train(x, norms, positive, 1.0, 1.0, 0.01, 1000, 7, weights, TestContext.Current.CancellationToken, loss);

        Assert.InRange(passes, 1, 999);
        for (var i = 0; i < x.Rows; i++)
        {
            var score = weights[x.Columns];
            foreach (var (index, value) in x.Indices(i).ToArray().Zip(x.Values(i).ToArray()))
            {
                score += weights[index] * value;
            }

            Assert.Equal(positive[i], score > 0);
        }
    }
}
