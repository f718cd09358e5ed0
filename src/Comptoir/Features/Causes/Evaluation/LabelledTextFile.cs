using System.Globalization;
using Comptoir.Features.Causes.Classification;

namespace Comptoir.Features.Causes.Evaluation;

/// <summary>A labelled text read from a file, with its time stamp when the file has one.</summary>
internal sealed record LabelledRow(LabelledText Example, DateTimeOffset? Timestamp, int Line);

/// <summary>
/// Reads labelled texts from a CSV file whose header names a <c>text</c> and a <c>label</c> column, and
/// optionally a <c>timestamp</c> column (ISO 8601); other columns are ignored.
/// </summary>
internal static class LabelledTextFile
{
    public static IReadOnlyList<LabelledRow> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CsvFormatException(path, 0, "the file does not exist.");
        }

        var rows = new List<LabelledRow>();
        int text = -1, label = -1, timestamp = -1, columns = 0;
        var header = true;
        foreach (var record in CsvReader.ReadFile(path))
        {
            if (header)
            {
                var names = record.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                (text, label, timestamp, columns) = (names.IndexOf("text"), names.IndexOf("label"), names.IndexOf("timestamp"), names.Count);
                if (text < 0 || label < 0)
                {
                    throw new CsvFormatException(path, record.Line,
                        $"the header must name a 'text' and a 'label' column (optionally 'timestamp'), not '{string.Join(',', record.Fields)}'.");
                }

                header = false;
                continue;
            }

            if (record.Fields.Length != columns)
            {
                throw new CsvFormatException(path, record.Line, $"{record.Fields.Length} fields where the header has {columns}.");
            }

            var labelValue = record.Fields[label].Trim();
            if (labelValue.Length == 0)
            {
                throw new CsvFormatException(path, record.Line, "the label is empty.");
            }

            DateTimeOffset? time = null;
            if (timestamp >= 0)
            {
                time = DateTimeOffset.TryParse(record.Fields[timestamp], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new CsvFormatException(path, record.Line, $"'{record.Fields[timestamp]}' is not an ISO 8601 time stamp.");
            }

            rows.Add(new LabelledRow(new LabelledText(record.Fields[text], labelValue), time, record.Line));
        }

        if (header)
        {
            throw new CsvFormatException(path, 1, "the file is empty; it needs a header 'text,label' or 'timestamp,text,label'.");
        }

        return rows;
    }
}
