using System.Globalization;
using Comptoir.Features.Causes.Classification;
using Comptoir.Features.Causes.Digests;
using Comptoir.Features.Causes.Evaluation;
using Comptoir.Platform.Commands;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>
/// <c>irritants replay --stream FILE [--train-days 28] [--retrain-days 7] [--out FILE]</c>: replays a
/// time-stamped file (<c>timestamp,text[,label]</c>) day by day in memory, through classification, the top
/// causes and emerging-irritant detection, printing for each day the top 5 and what was flagged, so that
/// detection can be judged on past events. With labels, a model is trained on the first days and retrained
/// every few days on the labels seen so far (as advisors' labels would arrive). Detection thresholds can be
/// changed with <c>--min-count</c>, <c>--min-count-unseen</c>, <c>--min-score</c> and <c>--warm-up</c>.
/// </summary>
internal sealed class ReplayCommand(TextWriter output) : IComptoirCommand
{
    private const int Top = 5;
    private const int PreviousWeeks = 4;

    public IReadOnlyList<string> Name { get; } = ["irritants", "replay"];

    public string Summary => "Replay a time-stamped file day by day through classification, top causes and emerging irritants: --stream FILE [--train-days 28] [--retrain-days 7] [--time-zone Europe/Paris] [--out FILE]";

    public sealed record Row(DateOnly Day, string Text, string? Label);

    public async Task<int> RunAsync(CommandArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var path = arguments.Require("stream");
        var trainDays = arguments.GetInt("train-days", 28);
        var retrainDays = arguments.GetInt("retrain-days", 7);
        var defaults = new EmergingOptions();
        var options = new EmergingOptions
        {
            MinCount = arguments.GetInt("min-count", defaults.MinCount),
            MinCountUnseen = arguments.GetInt("min-count-unseen", defaults.MinCountUnseen),
            MinScore = arguments.GetInt("min-score", (int)defaults.MinScore),
            WarmUpDays = arguments.GetInt("warm-up", defaults.WarmUpDays),
        };
        if (trainDays < 0 || retrainDays <= 0)
        {
            throw new CommandException("--train-days must be 0 or more and --retrain-days more than 0.");
        }

        TimeZoneInfo? zone = null;
        if (arguments.Get("time-zone") is { } zoneId)
        {
            zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found)
                ? found
                : throw new CommandException($"--time-zone: '{zoneId}' is not a known time zone (an IANA name such as Europe/Paris).");
        }

        IReadOnlyList<Row> rows;
        try
        {
            rows = Read(path, zone);
        }
        catch (CsvFormatException e)
        {
            throw new CommandException(e.Message);
        }

        var report = new StringWriter(CultureInfo.InvariantCulture);
        Replay(rows, trainDays, retrainDays, options, Path.GetFileName(path), report, cancellationToken);
        await output.WriteAsync(report.ToString());
        await output.FlushAsync(cancellationToken);
        if (arguments.Get("out") is { } outPath)
        {
            await File.WriteAllTextAsync(outPath, report.ToString(), cancellationToken);
        }

        return 0;
    }

    /// <summary>
    /// Reads <c>timestamp,text[,label]</c> with a header. A row's day is its local date in <paramref name="zone"/>,
    /// as the digest and the watch count days in production (a time stamp without an offset is UTC); without a
    /// zone it is the date as written, whatever the offset.
    /// </summary>
    public static IReadOnlyList<Row> Read(string path, TimeZoneInfo? zone = null)
    {
        if (!File.Exists(path))
        {
            throw new CsvFormatException(path, 0, "the file does not exist.");
        }

        var rows = new List<Row>();
        int text = -1, label = -1, timestamp = -1, columns = 0;
        var header = true;
        foreach (var record in CsvReader.ReadFile(path))
        {
            if (header)
            {
                var names = record.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                (text, label, timestamp, columns) = (names.IndexOf("text"), names.IndexOf("label"), names.IndexOf("timestamp"), names.Count);
                if (text < 0 || timestamp < 0)
                {
                    throw new CsvFormatException(path, record.Line, $"the header must name a 'timestamp' and a 'text' column (optionally 'label'), not '{string.Join(',', record.Fields)}'.");
                }

                header = false;
                continue;
            }

            if (record.Fields.Length != columns)
            {
                throw new CsvFormatException(path, record.Line, $"{record.Fields.Length} fields where the header has {columns}.");
            }

            if (!DateTimeOffset.TryParse(record.Fields[timestamp], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                throw new CsvFormatException(path, record.Line, $"'{record.Fields[timestamp]}' is not an ISO 8601 time stamp.");
            }

            var labelValue = label >= 0 ? record.Fields[label].Trim() : "";
            var day = zone is null ? DateOnly.FromDateTime(at.DateTime) : LocalDays.Of(at, zone);
            rows.Add(new Row(day, record.Fields[text], labelValue.Length == 0 ? null : labelValue));
        }

        return rows;
    }

    public static void Replay(IReadOnlyList<Row> rows, int trainDays, int retrainDays, EmergingOptions options, string source, TextWriter w, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine($"# Replay of {source}");
        w.WriteLine();
        if (rows.Count == 0)
        {
            w.WriteLine("No rows.");
            return;
        }

        var byDay = rows.GroupBy(r => r.Day).ToDictionary(g => g.Key, g => g.ToList());
        var first = byDay.Keys.Min();
        var last = byDay.Keys.Max();
        var labelled = rows.Any(r => r.Label is not null);
        var labels = rows.Select(r => r.Label).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var labelIds = labels.Select((l, i) => (l, i + 1)).ToDictionary(x => x.l, x => x.Item2, StringComparer.Ordinal);
        var taxonomyWords = labels.SelectMany(EmergingTerms.Words).ToHashSet(StringComparer.Ordinal);
        var trainUntil = labelled ? first.AddDays(trainDays) : first;
        w.WriteLine($"{rows.Count:N0} contacts from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}, {byDay.Count} days with contacts, {labels.Count} labels. "
            + (labelled ? $"Model trained on the first {trainDays} days, retrained every {retrainDays} days on the labels seen so far." : "No labels: terms only.")
            + $" Thresholds: score ≥ {options.MinScore}, count ≥ {options.MinCount} ({options.MinCountUnseen} for an unseen term), ≥ {options.MinRatio}× expected, {options.WarmUpDays} days of warm-up.");
        w.WriteLine();

        var watch = new EmergingWatch(options);
        var causeHistory = new Dictionary<DateOnly, IReadOnlyDictionary<int, int>>();
        CauseModel? model = null;
        var lastTraining = first;
        var flagged = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var contacts = byDay.GetValueOrDefault(day) ?? [];
            var training = labelled && day < trainUntil;
            if (labelled && !training && (model is null || day.DayNumber - lastTraining.DayNumber >= retrainDays))
            {
                var seen = rows.Where(r => r.Day < day && r.Label is not null).Select(r => new LabelledText(r.Text, r.Label!)).ToList();
                if (seen.Select(s => s.Label).Distinct(StringComparer.Ordinal).Count() >= 2)
                {
                    model = CauseModelTrainer.Train(seen, null, cancellationToken);
                    lastTraining = day;
                }
            }

            var counts = new DayCounts();
            var causes = new Dictionary<int, int>();
            var texts = new List<(IReadOnlySet<string> Terms, string Text, int? Cause)>();
            foreach (var row in contacts)
            {
                var label = training ? row.Label : model?.Predict(row.Text).Label;
                int? cause = label is not null && labelIds.TryGetValue(label, out var id) ? id : null;
                var terms = EmergingTerms.Of(row.Text);
                counts.Add(terms, cause);
                texts.Add((terms, row.Text, cause));
                if (cause is { } c)
                {
                    causes[c] = causes.GetValueOrDefault(c) + 1;
                }
            }

            causeHistory[day] = causes;
            if (!training && contacts.Count > 0)
            {
                var previous = Enumerable.Range(1, PreviousWeeks).Select(k => causeHistory.GetValueOrDefault(day.AddDays(-7 * k)) ?? new Dictionary<int, int>()).ToList();
                var flags = watch.Detect(day, counts, taxonomyWords);
                flagged += flags.Count;
                w.WriteLine($"## {day:yyyy-MM-dd} ({day.DayOfWeek}), {contacts.Count} contacts");
                if (labelled)
                {
                    foreach (var r in TopCauses.Rank(causes, previous, Top))
                    {
                        var trend = r.TrendPercent is { } p ? $"{p:+0;-0;0}% vs {r.PreviousAverage:0.#}" : "new";
                        w.WriteLine($"{r.Rank}. {labels[r.CauseId - 1]}: {r.Count} ({trend})");
                    }
                }

                foreach (var flag in flags)
                {
                    var what = flag.Kind == EmergingKind.Cause ? "cause " + labels[int.Parse(flag.Key, CultureInfo.InvariantCulture) - 1] : $"term \"{flag.Key}\"";
                    var example = texts.FirstOrDefault(t => flag.Kind == EmergingKind.Term ? t.Terms.Contains(flag.Key) : t.Cause?.ToString(CultureInfo.InvariantCulture) == flag.Key).Text;
                    w.WriteLine($"- EMERGING {what}{(flag.Unseen ? " (unseen)" : "")}: {flag.Count} contacts, {flag.Expected:0.##} expected, score {flag.Score:0.0}");
                    if (example is not null)
                    {
                        w.WriteLine($"  > {EmergingContacts.Excerpt(example, flag.Kind == EmergingKind.Term ? flag.Key : null)}");
                    }
                }

                w.WriteLine();
            }

            watch.Fold(day, counts);
        }

        w.WriteLine($"{flagged} flag(s) in all.");
    }
}
