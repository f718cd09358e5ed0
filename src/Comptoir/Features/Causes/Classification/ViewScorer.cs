namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// The linear scorer of one view of the text: TF-IDF features (<see cref="TextFeaturiser"/>), one-vs-rest
/// linear SVMs (<see cref="LinearSvmSolver"/>), causes trained in parallel, optionally NB-scaled, plus a share
/// of a softmax regression (<see cref="SoftmaxRegression"/>) folded into the same weights.
/// </summary>
internal static class ViewScorer
{
    /// <summary>
    /// Fits the view's featuriser and weights. For the <paramref name="main"/> view and a latent rank in the
    /// options, the scorers also see an LSA block (<see cref="LatentProjection"/>): folded into the returned
    /// weights when it is linear, else returned apart as a <see cref="LatentScorer"/>; with a neighbour
    /// count, a <see cref="NeighbourScorer"/> over the view's training vectors is returned too.
    /// </summary>
    public static (TextFeaturiser Featuriser, float[] Weights, float[] Bias, IMainViewScorer[] Extras) Fit(
        string[] texts, int[] truth, int labelCount, FeatureSettings settings, CauseModelOptions options, ParallelOptions parallel, bool main = false)
    {
        var (featuriser, x) = TextFeaturiser.Fit(texts, settings, options.MinDocumentFrequency, parallel);
        var extras = new List<IMainViewScorer>();
        if (main && options.NeighbourCount > 0)
        {
            extras.Add(new NeighbourScorer(x, truth, options.NeighbourCount, options.NeighbourWeight));
        }

        if (main && options.HiddenUnits > 0)
        {
            extras.Add(HiddenLayerNetwork.Train(x, truth, labelCount, options.HiddenUnits, options.HiddenEpochs, options.HiddenRate, options.HiddenL2, options.HiddenInitialScale, options.HiddenWeight, options.HiddenSeed, parallel.CancellationToken));
        }

        LatentProjection? projection = null;
        if (main && options.LatentRank > 0)
        {
            var basisRows = options.LatentExtraTexts.Count == 0 ? x : SparseMatrix.Stack(x, featuriser.TransformAll(options.LatentExtraTexts, parallel));
            projection = LatentProjection.Fit(basisRows, x, options.LatentRank, options.LatentWeight, options.LatentNormalisation, options.Seed, parallel);
            x = projection.Append(x, parallel);
        }

        var squaredNorms = new double[x.Rows];
        for (var i = 0; i < x.Rows; i++)
        {
            foreach (var v in x.Values(i))
            {
                squaredNorms[i] += v * v;
            }
        }

        var features = x.Columns;
        var ratios = options.NaiveBayesScaling ? LogCountRatios(x, truth, labelCount, options.NaiveBayesSmoothing) : null;
        var weights = new float[features * labelCount];
        var bias = new float[labelCount];
        if (options.Multiclass != MulticlassMethod.CrammerSinger)
        {
            TrainOneVsRest(x, squaredNorms, truth, labelCount, ratios, options, parallel, weights, bias);
        }

        if (options.Multiclass != MulticlassMethod.OneVsRest)
        {
            // Crammer–Singer alone, or added to the one-vs-rest scores.
            var cost = options.Multiclass == MulticlassMethod.CrammerSinger ? options.Cost : options.CrammerSingerCost;
            var joint = new double[(features + 1) * labelCount];
            CrammerSingerSolver.Train(x, squaredNorms, truth, labelCount, cost, options.Tolerance, options.MaxIterations, options.Seed, joint, parallel.CancellationToken);
            for (var j = 0; j < weights.Length; j++)
            {
                weights[j] += (float)joint[j];
            }

            for (var c = 0; c < labelCount; c++)
            {
                bias[c] += (float)joint[(features * labelCount) + c];
            }
        }

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

        if (projection is null)
        {
            return (featuriser, weights, bias, [.. extras]);
        }

        if (projection.IsLinear)
        {
            return (featuriser, projection.Fold(weights, labelCount), bias, [.. extras]);
        }

        var sparse = featuriser.FeatureCount * labelCount;
        extras.Add(new LatentScorer(projection, weights[sparse..]));
        return (featuriser, weights[..sparse], bias, [.. extras]);
    }

    /// <summary>One binary SVM per cause against the rest, causes in parallel, optionally on NB-scaled features.</summary>
    private static void TrainOneVsRest(
        SparseMatrix x, double[] squaredNorms, int[] truth, int labelCount, float[]? ratios, CauseModelOptions options, ParallelOptions parallel, float[] weights, float[] bias)
    {
        var features = x.Columns;
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
                    options.MaxIterations, options.Seed + c, local.Weights, parallel.CancellationToken, options.Loss);
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
