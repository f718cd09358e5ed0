using System.Text;

namespace Comptoir.Features.Causes.Evaluation;

/// <summary>One record of a CSV file and the line it starts on (1-based).</summary>
internal sealed record CsvRecord(int Line, string[] Fields);

/// <summary>A CSV file that breaks the format; names the file and the line.</summary>
internal sealed class CsvFormatException(string file, int line, string problem)
    : Exception($"{file}, line {line}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}

/// <summary>
/// Reads RFC 4180 CSV: comma-separated fields, fields in double quotes may hold commas, line breaks and
/// doubled quotes (""), records end with CRLF, LF or CR. A byte-order mark is skipped and blank lines are
/// ignored. A quote inside an unquoted field, text after a closing quote and an unclosed quote are errors.
/// </summary>
internal sealed class CsvReader(TextReader reader, string file)
{
    private int _line = 1;

    public static IEnumerable<CsvRecord> ReadFile(string path)
    {
        using var stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var record in new CsvReader(stream, path).Records())
        {
            yield return record;
        }
    }

    public IEnumerable<CsvRecord> Records()
    {
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        while (reader.Peek() >= 0)
        {
            var start = _line;
            fields.Clear();
            bool endOfRecord;
            do
            {
                endOfRecord = ReadField(field);
                fields.Add(field.ToString());
            }
            while (!endOfRecord);

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            yield return new CsvRecord(start, [.. fields]);
        }
    }

    /// <summary>Reads one field into <paramref name="field"/>; true when it ended its record.</summary>
    private bool ReadField(StringBuilder field)
    {
        field.Clear();
        if (reader.Peek() == '"')
        {
            var opening = _line;
            reader.Read();
            while (true)
            {
                var c = reader.Read();
                if (c < 0)
                {
                    throw new CsvFormatException(file, opening, "a quoted field is never closed.");
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                        continue;
                    }

                    break;
                }

                CountLine(c);
                field.Append((char)c);
            }

            var next = reader.Read();
            return next switch
            {
                ',' => false,
                < 0 => true,
                '\n' or '\r' => EndLine(next),
                _ => throw new CsvFormatException(file, _line, $"unexpected '{(char)next}' after a closing quote (a quote inside a quoted field must be doubled)."),
            };
        }

        while (true)
        {
            var c = reader.Read();
            switch (c)
            {
                case < 0:
                    return true;
                case ',':
                    return false;
                case '\n' or '\r':
                    return EndLine(c);
                case '"':
                    throw new CsvFormatException(file, _line, "a quote inside a field that does not start with a quote.");
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }

    private bool EndLine(int c)
    {
        if (c == '\r' && reader.Peek() == '\n')
        {
            reader.Read();
        }

        _line++;
        return true;
    }

    private void CountLine(int c)
    {
        if (c == '\n' || (c == '\r' && reader.Peek() != '\n'))
        {
            _line++;
        }
    }
}
