using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

public sealed class CauseModelVariantsTests
{
    private static SparseMatrix Matrix() => SparseMatrix.FromRows(
        [
            ([0, 1], [1f, 1f]),
            ([0], [1f]),
            ([2], [1f]),
            ([1, 2], [1f, 1f]),
        ],
        3);

    [Fact]
    public void Log_count_ratios_favour_the_features_of_each_cause()
    {
        // Rows 0-1 are cause 0, rows 2-3 cause 1; feature 0 only occurs in cause 0, feature 2 only in cause 1.
        var ratios = ViewScorer.LogCountRatios(Matrix(), [0, 0, 1, 1], 2, 1.0);

        Assert.True(ratios[0] > 0 && ratios[2] < 0, "cause 0");
        Assert.True(ratios[3 + 0] < 0 && ratios[3 + 2] > 0, "cause 1");

        // p = (2+1, 1+1, 0+1) / 6, q = (0+1, 1+1, 2+1) / 6 for cause 0.
        Assert.Equal(Math.Log(3.0), ratios[0], 5);
        Assert.Equal(0.0, ratios[1], 5);
        Assert.Equal(-ratios[0], ratios[3], 5);
    }

    [Fact]
    public void Scaling_a_matrix_multiplies_each_value_by_its_column_scale()
    {
        var scaled = Matrix().Scaled([2f, 3f, -1f], new float[6]);

        Assert.Equal([2f, 3f], scaled.Values(0).ToArray());
        Assert.Equal([3f, -1f], scaled.Values(3).ToArray());
        Assert.Equal([1, 2], scaled.Indices(3).ToArray());
    }

    [Fact]
    public void Softmax_regression_separates_two_causes()
    {
        var weights = new float[3 * 2];
        var bias = new float[2];

        SoftmaxRegression.Train(Matrix(), [0, 0, 1, 1], 2, 1e-4, 50, 7, weights, bias, TestContext.Current.CancellationToken);

        // Weights by feature then label: feature 0 votes for cause 0, feature 2 for cause 1.
        Assert.True(weights[0] > weights[1]);
        Assert.True(weights[5] > weights[4]);
    }

    [Theory]
    [InlineData(true, 0.0)]
    [InlineData(false, 0.0)]
    [InlineData(false, 0.12)]
    [InlineData(true, 0.12)]
    public void Every_variant_learns_the_fixtures_and_round_trips(bool naiveBayes, double logisticWeight)
    {
        var options = new CauseModelOptions { NaiveBayesScaling = naiveBayes, NaiveBayesInterpolation = 0.75, LogisticWeight = logisticWeight };

        var model = CauseModelTrainer.Train(CauseFixtures.Training(), options, TestContext.Current.CancellationToken);
        var copy = CauseModel.Deserialize(model.Serialize());

        var correct = CauseFixtures.Unseen().Count(e => model.Predict(e.Text).Label == e.Label);
        Assert.True(correct >= CauseFixtures.Unseen().Count - 1, $"{correct} of {CauseFixtures.Unseen().Count} unseen texts right");
        foreach (var example in CauseFixtures.Unseen())
        {
            Assert.Equal(model.Top(example.Text, 4), copy.Top(example.Text, 4));
        }
    }

    [Fact]
    public void Out_of_range_variant_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CauseModelTrainer.Train(CauseFixtures.Training(), new CauseModelOptions { NaiveBayesInterpolation = 1.5 }));
        Assert.Throws<ArgumentException>(() => CauseModelTrainer.Train(CauseFixtures.Training(), new CauseModelOptions { LogisticWeight = -1 }));
        Assert.Throws<ArgumentException>(() => CauseModelTrainer.Train(CauseFixtures.Training(), new CauseModelOptions { LogisticL2 = 0 }));
    }
}
