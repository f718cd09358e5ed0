using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

public sealed class CauseModelTests
{
    private static readonly Lazy<CauseModel> Model = new(() => CauseModelTrainer.Train(CauseFixtures.Training()));

    [Fact]
    public void Learns_separable_causes_and_predicts_new_wordings()
    {
        var model = Model.Value;

        Assert.Equal([CauseFixtures.Account, CauseFixtures.Card, CauseFixtures.Delivery, CauseFixtures.Refund], model.Labels);
        foreach (var example in CauseFixtures.Unseen())
        {
            var prediction = model.Predict(example.Text);
            Assert.True(example.Label == prediction.Label, $"'{example.Text}' was classified {prediction.Label}, not {example.Label}.");
            Assert.InRange(prediction.Confidence, 0.0, 1.0);
        }
    }

    [Fact]
    public void Confidence_is_higher_for_a_clear_text_than_for_an_ambiguous_one()
    {
        var model = Model.Value;

        var clear = model.Predict("Mon colis n'est pas livré, la livraison est en retard");
        var mixed = model.Predict("Colis livré mais remboursement et carte refusée");
        var unrelated = model.Predict("Bonjour");

        Assert.Equal(CauseFixtures.Delivery, clear.Label);
        Assert.True(clear.Confidence > 0.6, $"clear text: {clear.Confidence}");
        Assert.True(clear.Confidence > mixed.Confidence, $"clear {clear.Confidence} <= mixed {mixed.Confidence}");
        Assert.True(clear.Confidence > unrelated.Confidence, $"clear {clear.Confidence} <= unrelated {unrelated.Confidence}");
    }

    [Fact]
    public void Top_lists_causes_by_decreasing_probability_summing_to_one()
    {
        var top = Model.Value.Top("Je veux être remboursé", 10);

        Assert.Equal(4, top.Count);
        Assert.Equal(CauseFixtures.Refund, top[0].Label);
        Assert.Equal(top[0], Model.Value.Predict("Je veux être remboursé"));
        Assert.True(top.Zip(top.Skip(1)).All(p => p.First.Confidence >= p.Second.Confidence));
        Assert.Equal(1.0, top.Sum(p => p.Confidence), 4);
        Assert.Equal(2, Model.Value.Top("Je veux être remboursé", 2).Count);
    }

    [Theory]
    [InlineData("Problème de remboursement", "PROBLEME DE REMBOURSEMENT")]
    [InlineData("problème de remboursement", "probleme de remboursement")]
    [InlineData("l'application refuse ma carte", "application refuse ma carte")]
    [InlineData("qu'il livre, jusqu'à lundi", "il livre, a lundi")]
    [InlineData("L’appli ne répond pas", "l'appli ne repond pas")]
    public void Accents_case_and_elisions_do_not_change_the_prediction(string written, string plain)
    {
        var model = Model.Value;

        Assert.Equal(model.Top(plain, 4), model.Top(written, 4));
    }

    [Fact]
    public void A_serialised_model_predicts_identically()
    {
        var model = Model.Value;

        var bytes = model.Serialize();
        var copy = CauseModel.Deserialize(bytes);

        Assert.Equal(model.Labels, copy.Labels);
        Assert.Equal(model.Temperature, copy.Temperature);
        Assert.Equal(bytes, copy.Serialize());
        foreach (var example in CauseFixtures.Unseen().Concat(CauseFixtures.Training().Take(20)))
        {
            Assert.Equal(model.Top(example.Text, 4), copy.Top(example.Text, 4));
        }
    }

    [Fact]
    public void A_foreign_or_truncated_blob_is_refused()
    {
        var bytes = Model.Value.Serialize();

        Assert.Throws<InvalidDataException>(() => CauseModel.Deserialize([1, 2, 3, 4, 5]));
        Assert.Throws<InvalidDataException>(() => CauseModel.Deserialize(bytes[..(bytes.Length / 2)]));
        Assert.Throws<InvalidDataException>(() => CauseModel.Deserialize([.. bytes, 0]));
    }

    [Fact]
    public void Predictions_are_the_same_from_many_threads()
    {
        var model = Model.Value;
        var texts = CauseFixtures.Training().Select(e => e.Text).ToArray();
        var expected = texts.Select(model.Predict).ToArray();

        var parallel = new CausePrediction[texts.Length];
        Parallel.For(0, texts.Length * 20, i => parallel[i % texts.Length] = model.Predict(texts[i % texts.Length]));

        Assert.Equal(expected, parallel);
    }

    [Fact]
    public void Training_needs_two_causes()
    {
        Assert.Throws<ArgumentException>(() => CauseModelTrainer.Train([new("a", "x"), new("b", "x")]));
        Assert.Throws<ArgumentException>(() => CauseModelTrainer.Train([]));
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var again = CauseModelTrainer.Train(CauseFixtures.Training());

        Assert.Equal(Model.Value.Serialize(), again.Serialize());
    }
}
