namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Trains a <see cref="CauseModel"/>: one-vs-rest linear SVMs (<see cref="LinearSvmSolver"/>) over TF-IDF
/// features (<see cref="TextFeaturiser"/>), causes trained in parallel, optionally NB-scaled, plus a share of a
/// softmax regression (<see cref="SoftmaxRegression"/>) folded into the same weights, then a confidence temperature fitted
/// on examples the scorer did not see (<see cref="TemperatureCalibration"/>).
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
        var (featuriser, weights, bias) = Fit(texts, truth, labels.Length, options, parallel);
        return new CauseModel(featuriser, labels, weights, bias, temperature);
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
            || options.LogisticWeight < 0 || options.LogisticL2 <= 0 || options.LogisticEpochs < 1
            || options.NaiveBayesSmoothing <= 0 || options.NaiveBayesInterpolation is < 0 or > 1)
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

            var (featuriser, weights, bias) = Fit(train.Select(i => texts[i]).ToArray(), train.Select(i => truth[i]).ToArray(), labelCount, options, parallel);
            var model = new CauseModel(featuriser, Enumerable.Range(0, labelCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), weights, bias, 1.0);
            foreach (var i in held)
            {
                heldScores.Add(model.Scores(texts[i]).ToArray());
                heldTruth.Add(truth[i]);
            }
        }

        return heldScores.Count < 10 ? 1.0 : TemperatureCalibration.Fit([.. heldScores], [.. heldTruth]);
    }

    private static (TextFeaturiser Featuriser, float[] Weights, float[] Bias) Fit(
        string[] texts, int[] truth, int labelCount, CauseModelOptions options, ParallelOptions parallel)
    {
        var settings = new FeatureSettings(options.WordBigrams, options.CharNGramMin, options.CharNGramMax, options.CharAcrossWords, (float)options.WordWeight, (float)options.CharWeight);
        var (featuriser, x) = TextFeaturiser.Fit(texts, settings, options.MinDocumentFrequency, parallel);
        var squaredNorms = new double[x.Rows];
        for (var i = 0; i < x.Rows; i++)
        {
            foreach (var v in x.Values(i))
            {
                squaredNorms[i] += v * v;
            }
        }

        var features = featuriser.FeatureCount;
        var ratios = options.NaiveBayesScaling ? LogCountRatios(x, truth, labelCount, options.NaiveBayesSmoothing) : null;
        var weights = new float[features * labelCount];
        var bias = new float[labelCount];
        Parallel.For(
            0,
            labelCount,
            parallel,
            () => (Weights: new double[features + 1], Positive: new bool[x.Rows], Scaled: ratios is null ? null : new float[x.NonZeros], Norms: ratios is null ? null : new double[x.Rows]),
            (c, _, local) =>
            {
                var positives = 0;
                for (var i = 0; i < truth.Length; i++)
                {
                    local.Positive[i] = truth[i] == c;
                    positives += truth[i] == c ? 1 : 0;
                }

                var (costPositive, costNegative) = (options.Cost, options.Cost);
                if (options.BalanceClasses && positives > 0)
                {
                    costPositive = options.Cost * truth.Length / (2.0 * positives);
                    costNegative = options.Cost * truth.Length / (2.0 * (truth.Length - positives));
                }

                var (matrix, norms) = (x, squaredNorms);
                if (ratios is not null)
                {
                    matrix = x.Scaled(ratios.AsSpan(c * features, features), local.Scaled!);
                    norms = local.Norms!;
                    for (var i = 0; i < matrix.Rows; i++)
                    {
                        norms[i] = 0;
                        foreach (var v in matrix.Values(i))
                        {
                            norms[i] += v * v;
                        }
                    }
                }

                LinearSvmSolver.Train(matrix, norms, local.Positive, costPositive, costNegative, options.Tolerance,
                    options.MaxIterations, options.Seed + c, local.Weights, parallel.CancellationToken);
                if (ratios is null)
                {
                    for (var f = 0; f < features; f++)
                    {
                        weights[(f * labelCount) + c] = (float)local.Weights[f];
                    }
                }
                else
                {
                    // The SVM saw x ∘ r, so its weight on the raw feature is w ∘ r; interpolated as in NB-SVM.
                    var mean = 0.0;
                    for (var f = 0; f < features; f++)
                    {
                        mean += Math.Abs(local.Weights[f]);
                    }

                    mean /= Math.Max(1, features);
                    var beta = options.NaiveBayesInterpolation;
                    var r = ratios.AsSpan(c * features, features);
                    for (var f = 0; f < features; f++)
                    {
                        weights[(f * labelCount) + c] = (float)(((beta * local.Weights[f]) + ((1 - beta) * mean)) * r[f]);
                    }
                }

                bias[c] = (float)local.Weights[features];
                return local;
            },
            _ => { });

        if (options.LogisticWeight > 0)
        {
            var logisticWeights = new float[weights.Length];
            var logisticBias = new float[labelCount];
            SoftmaxRegression.Train(x, truth, labelCount, options.LogisticL2, options.LogisticEpochs, options.Seed, logisticWeights, logisticBias, parallel.CancellationToken);
            var mix = (float)options.LogisticWeight;
            for (var j = 0; j < weights.Length; j++)
            {
                weights[j] += mix * logisticWeights[j];
            }

            for (var c = 0; c < labelCount; c++)
            {
                bias[c] += mix * logisticBias[c];
            }
        }

        return (featuriser, weights, bias);
    }

    /// <summary>
    /// NB-SVM log-count ratios r[c * features + f] = log((p_f / |p|₁) / (q_f / |q|₁)), p and q being the
    /// α-smoothed numbers of texts containing feature f inside and outside cause c.
    /// </summary>
    internal static float[] LogCountRatios(SparseMatrix x, int[] truth, int labelCount, double smoothing)
    {
        var features = x.Columns;
        var inside = new double[labelCount * features];
        var total = new double[features];
        for (var i = 0; i < x.Rows; i++)
        {
            var offset = truth[i] * features;
            foreach (var f in x.Indices(i))
            {
                inside[offset + f]++;
                total[f]++;
            }
        }

        var grandTotal = total.Sum();
        var ratios = new float[labelCount * features];
        for (var c = 0; c < labelCount; c++)
        {
            var offset = c * features;
            var insideTotal = 0.0;
            for (var f = 0; f < features; f++)
            {
                insideTotal += inside[offset + f];
            }

            var pNorm = insideTotal + (smoothing * features);
            var qNorm = grandTotal - insideTotal + (smoothing * features);
            for (var f = 0; f < features; f++)
            {
                var p = (inside[offset + f] + smoothing) / pNorm;
                var q = (total[f] - inside[offset + f] + smoothing) / qNorm;
                ratios[offset + f] = (float)Math.Log(p / q);
            }
        }

        return ratios;
    }
}
