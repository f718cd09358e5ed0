using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Comptoir.Features.Causes.Classification;
using Comptoir.Platform.Commands;

namespace Comptoir.Features.Causes.Evaluation;

/// <summary>
/// <c>causes eval --train FILE --test FILE</c>, or <c>--data FILE [--split-by-time 0.8]</c>: trains a cause
/// model on one set, measures it on the other and prints a Markdown report (also written to <c>--out</c>).
/// With <c>--cv K</c>, cross-validates on the training data only, to choose training options without ever
/// looking at a test set. Options override the training defaults: <c>--cost</c>, <c>--char-ngrams 2-5</c>
/// (<c>none</c> for no character n-grams), <c>--word-bigrams true|false</c>, <c>--min-df</c>,
/// <c>--word-weight</c>, <c>--char-across-words true|false</c>, <c>--balance true|false</c>, <c>--nb true|false</c>,
/// <c>--nb-alpha</c>, <c>--nb-beta</c>, <c>--logistic W</c> (0: SVM alone), <c>--logistic-l2</c>,
/// <c>--logistic-epochs</c>, <c>--word-pairs D</c> (pairs of words up to D apart), <c>--stem true|false</c>, <c>--views "w1-3;x1-6*0.5"</c> (further views of the text, see
/// <see cref="CauseFeatureView.Parse"/>; <c>none</c> for the main view alone), <c>--loss squared-hinge|hinge</c>, <c>--multiclass ovr|cs|ovr+cs</c> (cs: Crammer–Singer; ovr+cs: both added, cs with <c>--cs-cost</c>),
/// <c>--calibration FRACTION</c> (0: no temperature fit, for faster cross-validation), <c>--lsa K</c> (an LSA block of rank K, with
/// <c>--lsa-weight</c>, <c>--lsa-norm text|mean</c> and <c>--lsa-texts FILE</c> of unlabelled texts for the SVD), <c>--knn K</c>
/// (vote of the K nearest training texts, <c>--knn-weight</c>), <c>--mlp UNITS</c> (a one-hidden-layer network, with
/// <c>--mlp-weight</c>, <c>--mlp-epochs</c>, <c>--mlp-rate</c>, <c>--mlp-init</c>, <c>--mlp-l2</c>, <c>--mlp-seed</c>), <c>--embedding UNITS</c>
/// (the network over pre-trained static vectors, 0 for none, with <c>--embedding-weight</c>, <c>--embedding-epochs</c>,
/// <c>--embedding-rate</c>, <c>--embedding-init</c>, <c>--embedding-l2</c>).
/// </summary>
internal sealed class CauseEvalCommand(TextWriter output) : IComptoirCommand
{
    private static readonly TimeSpan MinimumTiming = TimeSpan.FromSeconds(1);

    public IReadOnlyList<string> Name { get; } = ["causes", "eval"];

    public string Summary => "Train and measure the cause classifier: --train FILE --test FILE | --data FILE [--split-by-time 0.8] [--cv K] [--out FILE]";

    public async Task<int> RunAsync(CommandArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var options = CauseEvalOptions.Parse(arguments);
        var (train, test, source) = Load(arguments);
        var causes = train.Select(r => r.Example.Label).Distinct(StringComparer.Ordinal).ToList();
        if (causes.Count < 2)
        {
            throw new CommandException(causes.Count == 0
                ? $"{source.Train} has no examples to train on."
                : $"{source.Train} has only one cause ('{causes[0]}'); training needs at least two.");
        }

        var folds = arguments.GetInt("cv", 0);
        var report = folds > 0
            ? CrossValidate(train, folds, options, source, cancellationToken)
            : Evaluate(train, test, options, source, cancellationToken);

        await output.WriteAsync(report);
        await output.FlushAsync(cancellationToken);
        if (arguments.Get("out") is { } path)
        {
            await File.WriteAllTextAsync(path, report, cancellationToken);
        }

        return 0;
    }

    private static string Evaluate(IReadOnlyList<LabelledRow> train, IReadOnlyList<LabelledRow> test, CauseModelOptions options, Source source, CancellationToken cancellationToken)
    {
        if (test.Count == 0)
        {
            throw new CommandException($"{source.Test} has no examples to test on.");
        }

        var stopwatch = Stopwatch.StartNew();
        var model = CauseModelTrainer.Train([.. train.Select(r => r.Example)], options, cancellationToken);
        var trainingTime = stopwatch.Elapsed;
        // Models with scorers beyond the weight matrix (experimental options) are not stored.
        int? size = model.Extras.Count == 0 ? model.Serialize().Length : null;

        var texts = test.Select(r => r.Example.Text).ToArray();
        var predictions = new CausePrediction[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            predictions[i] = model.Predict(texts[i]);
        }

        var singleThread = Throughput(texts, parallel: false, model, cancellationToken);
        var parallelThroughput = Throughput(texts, parallel: true, model, cancellationToken);
        var truth = test.Select(r => r.Example.Label).ToArray();
        var truthProbability = test.Select(r => model.Top(r.Example.Text, model.Labels.Count).FirstOrDefault(p => p.Label == r.Example.Label).Confidence).ToArray();
        var metrics = ClassificationMetrics.Compute(truth, [.. predictions.Select(p => p.Label)], [.. predictions.Select(p => p.Confidence)], truthProbability);
        var unseen = truth.Distinct(StringComparer.Ordinal).Count(l => !model.Labels.Contains(l));

        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine("# Cause classifier evaluation");
        w.WriteLine();
        w.WriteLine("| | |");
        w.WriteLine("|---|---|");
        w.WriteLine($"| Training data | {source.Train}: {train.Count:N0} examples, {model.Labels.Count} causes |");
        w.WriteLine($"| Test data | {source.Test}: {test.Count:N0} examples, {truth.Distinct(StringComparer.Ordinal).Count()} causes ({unseen} not in the training data) |");
        w.WriteLine($"| Options | {CauseEvalOptions.Describe(options)} |");
        w.WriteLine($"| Features | {model.FeatureCount:N0} |");
        w.WriteLine($"| Training time | {trainingTime.TotalSeconds:F1} s ({Environment.ProcessorCount} cores) |");
        w.WriteLine($"| Model size | {(size is { } bytes ? $"{bytes / 1e6:F1} MB" : "not stored (scorers beyond the weight matrix)")} |");
        w.WriteLine($"| Temperature | {model.Temperature:F3} |");
        w.WriteLine($"| Throughput, one thread | {singleThread:N0} texts/s |");
        w.WriteLine($"| Throughput, parallel | {parallelThroughput:N0} texts/s |");
        w.WriteLine($"| **Accuracy** | **{metrics.Accuracy:F4}** |");
        w.WriteLine($"| **Macro-F1** | **{metrics.MacroF1:F4}** |");
        w.WriteLine($"| Log loss | {metrics.LogLoss:F4} |");
        w.WriteLine($"| Expected calibration error | {metrics.CalibrationError:F4} |");
        w.WriteLine();
        w.WriteLine("## Confidence thresholds");
        w.WriteLine();
        w.WriteLine("| confidence at least | share of texts | accuracy on them |");
        w.WriteLine("|---:|---:|---:|");
        foreach (var t in metrics.ByThreshold)
        {
            w.WriteLine($"| {t.Threshold:F1} | {t.Coverage:P1} | {t.Accuracy:F4} |");
        }

        w.WriteLine();
        w.WriteLine("## Per cause, by F1");
        w.WriteLine();
        w.WriteLine("| cause | precision | recall | F1 | support |");
        w.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var c in metrics.Causes)
        {
            w.WriteLine($"| {c.Label.Replace("|", "\\|", StringComparison.Ordinal)} | {c.Precision:F3} | {c.Recall:F3} | {c.F1:F3} | {c.Support} |");
        }

        return w.ToString();
    }

    /// <summary>Stratified K-fold cross-validation on the training rows only.</summary>
    private static string CrossValidate(IReadOnlyList<LabelledRow> train, int folds, CauseModelOptions options, Source source, CancellationToken cancellationToken)
    {
        if (folds < 2)
        {
            throw new CommandException("--cv must be at least 2.");
        }

        var random = new Random(options.Seed);
        var fold = new int[train.Count];
        foreach (var group in Enumerable.Range(0, train.Count).GroupBy(i => train[i].Example.Label, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var m = 0; m < members.Length; m++)
            {
                fold[members[m]] = m % folds;
            }
        }

        var results = new List<(double Accuracy, double MacroF1, double LogLoss, double Seconds)>();
        for (var f = 0; f < folds; f++)
        {
            var fitRows = Enumerable.Range(0, train.Count).Where(i => fold[i] != f).Select(i => train[i].Example).ToArray();
            var heldRows = Enumerable.Range(0, train.Count).Where(i => fold[i] == f).Select(i => train[i].Example).ToArray();
            var stopwatch = Stopwatch.StartNew();
            var model = CauseModelTrainer.Train(fitRows, options, cancellationToken);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var predictions = heldRows.Select(r => model.Predict(r.Text)).ToArray();
            var truthProbability = heldRows.Select(r => model.Top(r.Text, model.Labels.Count).FirstOrDefault(p => p.Label == r.Label).Confidence).ToArray();
            var metrics = ClassificationMetrics.Compute([.. heldRows.Select(r => r.Label)], [.. predictions.Select(p => p.Label)], [.. predictions.Select(p => p.Confidence)], truthProbability);
            results.Add((metrics.Accuracy, metrics.MacroF1, metrics.LogLoss, seconds));
        }

        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"# Cause classifier {folds}-fold cross-validation on {source.Train} ({train.Count:N0} examples)");
        w.WriteLine();
        w.WriteLine($"Options: {CauseEvalOptions.Describe(options)}");
        w.WriteLine();
        w.WriteLine("| fold | accuracy | macro-F1 | log loss | training s |");
        w.WriteLine("|---:|---:|---:|---:|---:|");
        for (var f = 0; f < results.Count; f++)
        {
            w.WriteLine($"| {f + 1} | {results[f].Accuracy:F4} | {results[f].MacroF1:F4} | {results[f].LogLoss:F4} | {results[f].Seconds:F1} |");
        }

        w.WriteLine($"| **mean** | **{results.Average(r => r.Accuracy):F4}** | **{results.Average(r => r.MacroF1):F4}** | {results.Average(r => r.LogLoss):F4} | {results.Average(r => r.Seconds):F1} |");
        return w.ToString();
    }

    /// <summary>Texts classified per second over repeated passes of at least one second in all.</summary>
    private static double Throughput(string[] texts, bool parallel, CauseModel model, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        long done = 0;
        do
        {
            if (parallel)
            {
                // Chunks of texts per task, so that scheduling costs nothing next to classifying.
                var chunks = Partitioner.Create(0, texts.Length, Math.Max(64, texts.Length / (Environment.ProcessorCount * 4)));
                Parallel.ForEach(chunks, new ParallelOptions { CancellationToken = cancellationToken }, range =>
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        model.Predict(texts[i]);
                    }
                });
            }
            else
            {
                foreach (var text in texts)
                {
                    model.Predict(text);
                }
            }

            done += texts.Length;
        }
        while (stopwatch.Elapsed < MinimumTiming);

        return done / stopwatch.Elapsed.TotalSeconds;
    }

    private sealed record Source(string Train, string Test);

    private static (IReadOnlyList<LabelledRow> Train, IReadOnlyList<LabelledRow> Test, Source Source) Load(CommandArguments arguments)
    {
        var data = arguments.Get("data");
        var trainPath = arguments.Get("train");
        if (data is not null && trainPath is not null)
        {
            throw new CommandException("Give either --data FILE (split by time) or --train FILE [--test FILE], not both.");
        }

        if (data is null)
        {
            trainPath ??= arguments.Require("train");
            var train = Read(trainPath);
            if (arguments.Get("cv") is not null && arguments.Get("test") is null)
            {
                return (train, [], new Source(trainPath, "(none)"));
            }

            var testPath = arguments.Require("test");
            return (train, Read(testPath), new Source(trainPath, testPath));
        }

        var fractionText = arguments.Get("split-by-time") ?? "0.8";
        if (!double.TryParse(fractionText, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) || fraction is <= 0 or >= 1)
        {
            throw new CommandException($"--split-by-time must be a fraction between 0 and 1, such as 0.8, not '{fractionText}'.");
        }

        var rows = Read(data);
        if (rows.Any(r => r.Timestamp is null))
        {
            throw new CommandException($"{data} has no 'timestamp' column; --split-by-time needs one (or give --train and --test).");
        }

        var ordered = rows.OrderBy(r => r.Timestamp).ThenBy(r => r.Line).ToList();
        var cut = (int)Math.Round(ordered.Count * fraction);
        var trainRows = ordered.Take(cut).ToList();
        var testRows = ordered.Skip(cut).ToList();
        var boundary = testRows.Count > 0 ? testRows[0].Timestamp!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
        return (trainRows, testRows, new Source($"{data} (oldest {fraction:P0}, before {boundary})", $"{data} (newest {1 - fraction:P0}, from {boundary})"));
    }

    private static IReadOnlyList<LabelledRow> Read(string path)
    {
        try
        {
            return LabelledTextFile.Read(path);
        }
        catch (CsvFormatException e)
        {
            throw new CommandException(e.Message);
        }
        catch (IOException e)
        {
            throw new CommandException($"{path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CommandException($"{path}: {e.Message}");
        }
    }
}
