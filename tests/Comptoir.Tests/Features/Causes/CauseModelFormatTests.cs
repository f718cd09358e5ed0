using System.Text;
using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

public sealed class CauseModelFormatTests
{
    public static TheoryData<string> Variants() =>
    [
        "crammer-singer", "ovr+crammer-singer", "hinge", "word pairs", "stemmed words", "extra views",
    ];

    private static CauseModelOptions Options(string variant) => variant switch
    {
        "crammer-singer" => new CauseModelOptions { Multiclass = MulticlassMethod.CrammerSinger, Cost = 1 },
        "ovr+crammer-singer" => new CauseModelOptions { Multiclass = MulticlassMethod.Both },
        "hinge" => new CauseModelOptions { Loss = SvmLoss.Hinge },
        "word pairs" => new CauseModelOptions { WordPairDistance = 3 },
        "stemmed words" => new CauseModelOptions { StemWords = true },
        "extra views" => new CauseModelOptions { ExtraViews = [CauseFeatureView.Parse("w1-3*0.5"), CauseFeatureView.Parse("x1-6")] },
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_variant_learns_the_fixtures_and_round_trips(string variant)
    {
        var model = CauseModelTrainer.Train(CauseFixtures.Training(), Options(variant), TestContext.Current.CancellationToken);
        var bytes = model.Serialize();
        var copy = CauseModel.Deserialize(bytes);

        var correct = CauseFixtures.Unseen().Count(e => model.Predict(e.Text).Label == e.Label);
        Assert.True(correct >= CauseFixtures.Unseen().Count - 1, $"{correct} of {CauseFixtures.Unseen().Count} unseen texts right");
        Assert.Equal(bytes, copy.Serialize());
        foreach (var example in CauseFixtures.Unseen())
        {
            Assert.Equal(model.Top(example.Text, 4), copy.Top(example.Text, 4));
        }
    }

    [Fact]
    public void A_model_with_several_views_scores_the_sum_of_its_views()
    {
        var model = CauseModelTrainer.Train(CauseFixtures.Training(), Options("extra views") with { EmbeddingUnits = 0 }, TestContext.Current.CancellationToken);

        Assert.Equal(3, model.Views.Length);
        Assert.Equal(model.Views.Sum(v => v.FeatureCount), model.FeatureCount);
        Assert.Equal(2, model.Serialize()[3]);
        Assert.Throws<InvalidDataException>(() => CauseModel.Deserialize(model.Serialize()[..^1]));
    }

    [Fact]
    public void A_model_of_one_view_without_the_network_over_pre_trained_vectors_keeps_the_first_format_version()
    {
        var options = new CauseModelOptions { EmbeddingUnits = 0 };
        var bytes = CauseModelTrainer.Train(CauseFixtures.Training(), options, TestContext.Current.CancellationToken).Serialize();

        Assert.Equal("CCM"u8.ToArray(), bytes[..3]);
        Assert.Equal(1, bytes[3]);
    }

    [Fact]
    public void A_model_stored_in_the_first_format_version_is_read()
    {
        // Written field by field as models were stored before views: one word feature ("carte") and one
        // character feature, two causes.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("CCM"u8);
            writer.Write((byte)1);
            writer.Write(true);
            writer.Write(2);
            writer.Write(5);
            writer.Write(false);
            writer.Write(1f);
            writer.Write(1f);
            writer.Write(0.5);
            writer.Write(2);
            writer.Write("card");
            writer.Write("other");
            writer.Write(2);
            writer.Write(1);
            writer.Write(WordHash("carte"));
            writer.Write(0UL);
            writer.Write(1f);
            writer.Write(1f);
            foreach (var weight in new[] { 2f, -2f, 0f, 0f })
            {
                writer.Write(weight);
            }

            writer.Write(0f);
            writer.Write(0f);
        }

        var model = CauseModel.Deserialize(stream.ToArray());

        Assert.Equal(["card", "other"], model.Labels);
        Assert.Equal(0.5, model.Temperature);
        Assert.Equal(2, model.FeatureCount);
        Assert.Equal(new FeatureSettings(2, 0, 2, 5, false, 1f, 1f), model.Views[0].Settings);
        Assert.Equal("card", model.Predict("Ma carte").Label);
        Assert.Equal(stream.ToArray(), model.Serialize());
    }

    /// <summary>The feature hash of a one-word text's word unigram, as the featuriser computes it.</summary>
    private static ulong WordHash(string word)
    {
        var words = new HashBuffer();
        var tokens = new TokenBuffer();
        TextTokeniser.Tokenise(word, tokens);
        FeatureHashing.Emit(tokens, new FeatureSettings(1, 0, 0, 0, false, 1f, 0f), words, new HashBuffer());
        return words.Items[0];
    }
}
