using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

public sealed class NonLinearScorerTests
{
    /// <summary>
    /// XOR over four features: (0, 2) and (1, 3) are cause 0, (0, 3) and (1, 2) cause 1. Every feature is
    /// as frequent in both causes, so no linear scorer separates them.
    /// </summary>
    private static (SparseMatrix X, int[] Truth) Xor()
    {
        var value = (float)(1 / Math.Sqrt(2));
        (int[] Pair, int Cause)[] patterns = [([0, 2], 0), ([1, 3], 0), ([0, 3], 1), ([1, 2], 1)];
        var rows = Enumerable.Range(0, 40).Select(i => (patterns[i % 4].Pair, new[] { value, value })).ToArray();
        return (SparseMatrix.FromRows(rows, 4), [.. Enumerable.Range(0, 40).Select(i => patterns[i % 4].Cause)]);
    }

    [Fact]
    public void The_hidden_layer_network_learns_what_no_linear_scorer_can()
    {
        var (x, truth) = Xor();

        var network = HiddenLayerNetwork.Train(x, truth, 2, 16, 200, 0.5, 1e-5, 0.3, 1.0, 7, TestContext.Current.CancellationToken);

        for (var i = 0; i < 4; i++)
        {
            var scores = new float[2];
            network.AddScores(scores, x.Indices(i), x.Values(i));
            Assert.Equal(truth[i], scores[1] > scores[0] ? 1 : 0);
        }
    }

    [Fact]
    public void The_neighbour_vote_adds_the_weight_shared_by_similarity()
    {
        // Rows 0-1 (cause 0) share feature 0 with the query; row 2 (cause 1) shares feature 1, less; row 3 nothing.
        var training = SparseMatrix.FromRows([([0], [1f]), ([0, 2], [0.8f, 0.6f]), ([1, 2], [0.6f, 0.8f]), ([3], [1f])], 4);
        var scorer = new NeighbourScorer(training, [0, 0, 1, 1], 2, 0.5);
        var scores = new float[2];

        scorer.AddScores(scores, [0, 1], [0.8f, 0.6f]);

        // The two nearest are rows 0 (0.8) and 1 (0.64), both cause 0: the whole weight goes to it.
        Assert.Equal(0.5f, scores[0], 5);
        Assert.Equal(0f, scores[1]);
    }

    [Fact]
    public void Models_with_a_neighbour_vote_or_a_network_learn_the_fixtures_but_are_not_stored()
    {
        var options = new CauseModelOptions { NeighbourCount = 5, HiddenUnits = 32, HiddenInitialScale = 0.3, HiddenRate = 0.5, HiddenWeight = 0.05 };

        var model = CauseModelTrainer.Train(CauseFixtures.Training(), options, TestContext.Current.CancellationToken);

        Assert.Equal(2, model.Extras.Count);
        var correct = CauseFixtures.Unseen().Count(e => model.Predict(e.Text).Label == e.Label);
        Assert.True(correct >= CauseFixtures.Unseen().Count - 1, $"{correct} of {CauseFixtures.Unseen().Count} unseen texts right");
        Assert.Throws<NotSupportedException>(model.Serialize);
    }

    [Fact]
    public void Out_of_range_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CauseModelTrainer.Train(CauseFixtures.Training(), new CauseModelOptions { LatentRank = -1 }));
        Assert.Throws<ArgumentException>(() => CauseModelTrainer.Train(CauseFixtures.Training(), new CauseModelOptions { NeighbourCount = -1 }));
        Assert.Throws<ArgumentException>(() => CauseModelTrainer.Train(CauseFixtures.Training(), new CauseModelOptions { HiddenUnits = 8, HiddenRate = 0 }));
    }
}
