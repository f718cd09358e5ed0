namespace Comptoir.Features.Causes.Evaluation;

/// <summary>Precision, recall and F1 of one cause over a test set.</summary>
internal sealed record CauseScore(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>Share of texts at or above a confidence threshold and the accuracy on them.</summary>
internal sealed record ThresholdScore(double Threshold, double Coverage, double Accuracy);

/// <summary>
/// Scores of predictions against the truth: accuracy, macro-F1 over the causes present in the truth or the
/// predictions (as scikit-learn does), per-cause figures, and how well confidences are calibrated.
/// </summary>
internal sealed class ClassificationMetrics
{
    private static readonly double[] Thresholds = [0.3, 0.5, 0.7, 0.9];

    private ClassificationMetrics(double accuracy, double macroF1, IReadOnlyList<CauseScore> causes, double calibrationError, IReadOnlyList<ThresholdScore> thresholds, double logLoss)
    {
        Accuracy = accuracy;
        MacroF1 = macroF1;
        Causes = causes;
        CalibrationError = calibrationError;
        ByThreshold = thresholds;
        LogLoss = logLoss;
    }

    public double Accuracy { get; }

    public double MacroF1 { get; }

    /// <summary>Per cause, best F1 first.</summary>
    public IReadOnlyList<CauseScore> Causes { get; }

    /// <summary>Expected calibration error over ten equal-width confidence bins.</summary>
    public double CalibrationError { get; }

    /// <summary>Mean negative log of the probability given to the true cause (NaN when not supplied).</summary>
    public double LogLoss { get; }

    public IReadOnlyList<ThresholdScore> ByThreshold { get; }

    public static ClassificationMetrics Compute(IReadOnlyList<string> truth, IReadOnlyList<string> predicted, IReadOnlyList<double> confidence, IReadOnlyList<double>? truthProbability = null)
    {
        if (truth.Count == 0 || truth.Count != predicted.Count || truth.Count != confidence.Count)
        {
            throw new ArgumentException("Truth, predictions and confidences must be non-empty and of the same length.", nameof(truth));
        }

        var n = truth.Count;
        var correct = new bool[n];
        var truePositives = new Dictionary<string, int>(StringComparer.Ordinal);
        var predictedCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            correct[i] = string.Equals(truth[i], predicted[i], StringComparison.Ordinal);
            support[truth[i]] = support.GetValueOrDefault(truth[i]) + 1;
            predictedCount[predicted[i]] = predictedCount.GetValueOrDefault(predicted[i]) + 1;
            if (correct[i])
            {
                truePositives[truth[i]] = truePositives.GetValueOrDefault(truth[i]) + 1;
            }
        }

        var causes = support.Keys.Union(predictedCount.Keys).Select(label =>
        {
            var tp = truePositives.GetValueOrDefault(label);
            var precision = predictedCount.TryGetValue(label, out var p) ? (double)tp / p : 0;
            var recall = support.TryGetValue(label, out var s) ? (double)tp / s : 0;
            var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            return new CauseScore(label, precision, recall, f1, s);
        }).OrderByDescending(c => c.F1).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();

        var bins = new (int Count, double Confidence, int Correct)[10];
        for (var i = 0; i < n; i++)
        {
            var b = Math.Clamp((int)(confidence[i] * 10), 0, 9);
            bins[b] = (bins[b].Count + 1, bins[b].Confidence + confidence[i], bins[b].Correct + (correct[i] ? 1 : 0));
        }

        var calibrationError = bins.Where(b => b.Count > 0).Sum(b => Math.Abs(b.Confidence - b.Correct) / n);
        var thresholds = Thresholds.Select(t =>
        {
            var kept = Enumerable.Range(0, n).Where(i => confidence[i] >= t).ToList();
            return new ThresholdScore(t, (double)kept.Count / n, kept.Count == 0 ? double.NaN : (double)kept.Count(i => correct[i]) / kept.Count);
        }).ToList();
        var logLoss = truthProbability is null ? double.NaN : truthProbability.Average(p => -Math.Log(Math.Max(p, 1e-12)));

        return new ClassificationMetrics((double)correct.Count(c => c) / n, causes.Average(c => c.F1), causes, calibrationError, thresholds, logLoss);
    }
}
