namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Trains a <see cref="CauseModel"/>: for each view of the text, one-vs-rest linear SVMs over its TF-IDF
/// features plus a share of a softmax regression (<see cref="ViewScorer"/>); the views' scorers side by side
/// in one weight matrix; then a confidence temperature fitted on examples the scorer did not see
/// (<see cref="TemperatureCalibration"/>).
/// </summary>
public static class CauseModelTrainer
{
    private const int CrossFittingFolds = 5;

    public static CauseModel Train(IReadOnlyList<LabelledText> examples, CauseModelOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new CauseModelOptions();
        Validate(examples, options);

        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var texts = examples.Select(e => e.Text).ToArray();
        var truth = examples.Select(e => labelIndex[e.Label]).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = ct };

        var temperature = FitTemperature(texts, truth, labels.Length, options, parallel);
        var (views, weights, bias, extras, embedding) = Fit(texts, truth, labels.Length, options, parallel);
        return new CauseModel(views, labels, weights, bias, temperature, extras, embedding);
    }

    private static void Validate(IReadOnlyList<LabelledText> examples, CauseModelOptions options)
    {
        if (examples.Any(e => e?.Text is null || string.IsNullOrWhiteSpace(e.Label)))
        {
            throw new ArgumentException("Every example needs a text and a label.", nameof(examples));
        }

        if (examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            throw new ArgumentException("Training needs examples of at least two causes.", nameof(examples));
        }

        if (options.Cost <= 0 || options.MinDocumentFrequency < 1 || options.CharNGramMin < 0 || options.CharNGramMax < 0
            || options.WordWeight < 0 || options.CharWeight < 0 || options.WordWeight + options.CharWeight <= 0
            || options.CalibrationFraction is < 0 or >= 1
            || options.WordPairDistance is < 0 or 1 or > FeatureHashing.MaxPairDistance || options.CrammerSingerCost <= 0
            || options.LogisticWeight < 0 || options.LogisticL2 <= 0 || options.LogisticEpochs < 1
            || options.LatentRank < 0 || options.LatentWeight <= 0 || options.NeighbourCount is < 0 or > 1000 || options.NeighbourWeight <= 0
            || options.HiddenUnits is < 0 or > 4096 || options.HiddenWeight <= 0 || options.HiddenEpochs < 1 || options.HiddenRate <= 0 || options.HiddenL2 < 0
            || options.EmbeddingUnits is < 0 or > 4096 || options.EmbeddingWeight <= 0 || options.EmbeddingEpochs < 1 || options.EmbeddingRate <= 0
            || options.EmbeddingL2 < 0 || options.EmbeddingInitialScale <= 0
            || options.NaiveBayesSmoothing <= 0 || options.NaiveBayesInterpolation is < 0 or > 1
            || options.ExtraViews.Any(v => v.Weight <= 0 || v.WordNGramMax is < 0 or > 8 || v.CharNGramMin < 0 || v.CharNGramMax < v.CharNGramMin
                || (v.CharNGramMin == 0 && v.CharNGramMax > 0) || v.WordNGramMax + v.CharNGramMax == 0))
        {
            throw new ArgumentException("The training options are out of range.", nameof(options));
        }
    }

    /// <summary>
    /// Scores examples with models that did not train on them, then fits the temperature on those scores:
    /// one stratified hold-out split for large sets, cross-fitting over folds for small ones.
    /// </summary>
    private static double FitTemperature(string[] texts, int[] truth, int labelCount, CauseModelOptions options, ParallelOptions parallel)
    {
        if (options.CalibrationFraction == 0)
        {
            return 1.0;
        }

        var random = new Random(options.Seed);
        var fold = new int[texts.Length];
        var folds = texts.Length >= options.HoldOutMinimum ? 1 : CrossFittingFolds;
        foreach (var group in Enumerable.Range(0, texts.Length).GroupBy(i => truth[i]))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var m = 0; m < members.Length; m++)
            {
                // Hold-out: the first share of each cause is held out (fold 0), the rest trains (fold -1).
                fold[members[m]] = folds == 1 ? (m < (int)Math.Round(members.Length * options.CalibrationFraction) ? 0 : -1) : m % folds;
            }
        }

        var heldScores = new List<float[]>();
        var heldTruth = new List<int>();
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, texts.Length).Where(i => fold[i] != f).ToArray();
            var held = Enumerable.Range(0, texts.Length).Where(i => fold[i] == f).ToArray();
            if (held.Length == 0 || train.Select(i => truth[i]).Distinct().Count() < 2)
            {
                continue;
            }

            var (views, weights, bias, extras, embedding) = Fit(train.Select(i => texts[i]).ToArray(), train.Select(i => truth[i]).ToArray(), labelCount, options, parallel);
            var model = new CauseModel(views, Enumerable.Range(0, labelCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), weights, bias, 1.0, extras, embedding);
            foreach (var i in held)
            {
                heldScores.Add(model.Scores(texts[i]).ToArray());
                heldTruth.Add(truth[i]);
            }
        }

        return heldScores.Count < 10 ? 1.0 : TemperatureCalibration.Fit([.. heldScores], [.. heldTruth]);
    }

    /// <summary>
    /// Fits every view apart (<see cref="ViewScorer"/>) and sets their weight matrices side by side, each
    /// times its view's weight; the biases add up. The LSA block and nearest-neighbour vote, if any, are on the main view;
    /// the network over the pre-trained vectors, if any, on the text itself.
    /// </summary>
    private static (TextFeaturiser[] Views, float[] Weights, float[] Bias, IMainViewScorer[] Extras, EmbeddingScorer? Embedding) Fit(
        string[] texts, int[] truth, int labelCount, CauseModelOptions options, ParallelOptions parallel)
    {
        var main = new CauseFeatureView(options.WordBigrams ? 2 : 1, options.CharNGramMin, options.CharNGramMax, options.CharAcrossWords);
        var specs = options.ExtraViews.Prepend(main).ToArray();
        var views = new TextFeaturiser[specs.Length];
        var blocks = new float[specs.Length][];
        var bias = new float[labelCount];
        IMainViewScorer[] extras = [];
        for (var v = 0; v < specs.Length; v++)
        {
            var spec = specs[v];
            var settings = v == 0
                ? new FeatureSettings(spec.WordNGramMax, options.WordPairDistance, spec.CharNGramMin, spec.CharNGramMax, spec.CharAcrossWords, (float)options.WordWeight, (float)options.CharWeight, options.StemWords)
                : new FeatureSettings(spec.WordNGramMax, 0, spec.CharNGramMin, spec.CharNGramMax, spec.CharAcrossWords, spec.WordNGramMax > 0 ? 1f : 0f, spec.CharNGramMax > 0 ? 1f : 0f);
            var (featuriser, weights, viewBias, viewExtras) = ViewScorer.Fit(texts, truth, labelCount, settings, options, parallel, main: v == 0);
            extras = v == 0 ? viewExtras : extras;
            var scale = (float)spec.Weight;
            for (var j = 0; j < weights.Length && scale != 1; j++)
            {
                weights[j] *= scale;
            }

            for (var c = 0; c < labelCount; c++)
            {
                bias[c] += scale * viewBias[c];
            }

            (views[v], blocks[v]) = (featuriser, weights);
        }

        var embedding = options.EmbeddingUnits > 0 ? EmbeddingScorer.Train(texts, truth, labelCount, options, parallel) : null;
        return (views, blocks.Length == 1 ? blocks[0] : [.. blocks.SelectMany(b => b)], bias, extras, embedding);
    }
}
