using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

public sealed class LatentProjectionTests
{
    private static readonly ParallelOptions Parallel = new() { MaxDegreeOfParallelism = 2 };

    [Theory]
    [InlineData(LatentNormalisation.PerText)]
    [InlineData(LatentNormalisation.Mean)]
    public void The_latent_block_follows_the_sparse_features(LatentNormalisation normalisation)
    {
        var (x, _, _) = RandomizedSvdTests.KnownMatrix();
        var projection = LatentProjection.Fit(x, x, 2, 0.5, normalisation, 5, Parallel);

        var augmented = projection.Append(x, Parallel);

        Assert.Equal(x.Columns + 2, augmented.Columns);
        var blockNorms = Enumerable.Range(0, x.Rows).Select(i => Math.Sqrt(augmented.Values(i)[^2..].ToArray().Sum(z => (double)z * z))).ToArray();
        Assert.Equal(0.5, normalisation == LatentNormalisation.PerText ? blockNorms.Max() : blockNorms.Average(), 5);
        Assert.All(Enumerable.Range(0, x.Rows), i => Assert.Equal([5, 6], augmented.Indices(i)[^2..].ToArray()));
    }

    [Fact]
    public void Folding_a_mean_normalised_block_gives_the_same_scores()
    {
        var (x, _, _) = RandomizedSvdTests.KnownMatrix();
        var projection = LatentProjection.Fit(x, x, 2, 0.7, LatentNormalisation.Mean, 5, Parallel);
        var augmented = projection.Append(x, Parallel);
        const int Labels = 3;
        var random = new Random(1);
        var weights = Enumerable.Range(0, augmented.Columns * Labels).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();

        var folded = projection.Fold(weights, Labels);

        Assert.Equal(x.Columns * Labels, folded.Length);
        for (var i = 0; i < x.Rows; i++)
        {
            for (var c = 0; c < Labels; c++)
            {
                Assert.Equal(Score(augmented, i, weights, Labels, c), Score(x, i, folded, Labels, c), 5);
            }
        }
    }

    [Fact]
    public void A_block_normalised_per_text_is_not_folded()
    {
        var (x, _, _) = RandomizedSvdTests.KnownMatrix();
        var projection = LatentProjection.Fit(x, x, 2, 1, LatentNormalisation.PerText, 5, Parallel);

        Assert.Throws<InvalidOperationException>(() => projection.Fold(new float[(x.Columns + 2) * 2], 2));
    }

    [Theory]
    [InlineData(LatentNormalisation.PerText)]
    [InlineData(LatentNormalisation.Mean)]
    public void A_model_with_an_lsa_block_learns_the_fixtures(LatentNormalisation normalisation)
    {
        var options = new CauseModelOptions { LatentRank = 8, LatentNormalisation = normalisation, LatentExtraTexts = ["where is my parcel", "I forgot my password"] };

        var model = CauseModelTrainer.Train(CauseFixtures.Training(), options, TestContext.Current.CancellationToken);

        var correct = CauseFixtures.Unseen().Count(e => model.Predict(e.Text).Label == e.Label);
        Assert.True(correct >= CauseFixtures.Unseen().Count - 1, $"{correct} of {CauseFixtures.Unseen().Count} unseen texts right");
        if (normalisation == LatentNormalisation.Mean)
        {
            // Folded: the stored model has the shape of one without the block, and round-trips.
            Assert.Empty(model.Extras);
            Assert.Equal(CauseModelTrainer.Train(CauseFixtures.Training(), new CauseModelOptions(), TestContext.Current.CancellationToken).FeatureCount, model.FeatureCount);
            var copy = CauseModel.Deserialize(model.Serialize());
            Assert.All(CauseFixtures.Unseen(), e => Assert.Equal(model.Top(e.Text, 4), copy.Top(e.Text, 4)));
        }
        else
        {
            Assert.IsType<LatentScorer>(Assert.Single(model.Extras));
            Assert.Throws<NotSupportedException>(model.Serialize);
        }
    }

    private static double Score(SparseMatrix x, int row, float[] weights, int labels, int label)
    {
        var indices = x.Indices(row);
        var values = x.Values(row);
        var score = 0.0;
        for (var k = 0; k < indices.Length; k++)
        {
            score += weights[(indices[k] * labels) + label] * values[k];
        }

        return score;
    }
}
