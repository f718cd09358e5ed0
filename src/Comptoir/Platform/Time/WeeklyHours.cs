using System.Globalization;
using System.Text;

namespace Comptoir.Platform.Time;

/// <summary>
/// Opening hours over a week, written the way people post them: <c>Mon-Sat 08:30-21:00; Sun 09:00-12:30</c>.
/// Used for store opening hours, service-site hours and advisors' working hours, always read in the time
/// zone of the place they belong to.
/// </summary>
public sealed class WeeklyHours
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private readonly List<(TimeOnly Open, TimeOnly Close)>[] _days = [.. Enumerable.Range(0, 7).Select(_ => new List<(TimeOnly, TimeOnly)>())];

    private WeeklyHours()
    {
    }

    public static WeeklyHours AlwaysOpen { get; } = Parse("Mon-Sun 00:00-24:00");

    public IReadOnlyList<(TimeOnly Open, TimeOnly Close)> On(DayOfWeek day) => _days[(int)day];

    public bool IsOpen(DateTime local) =>
        _days[(int)local.DayOfWeek].Any(span => TimeOnly.FromDateTime(local) >= span.Open && (TimeOnly.FromDateTime(local) < span.Close || span.Close == TimeOnly.MaxValue));

    public static WeeklyHours Parse(string text)
    {
        return TryParse(text, out var hours, out var error) ? hours : throw new FormatException(error);
    }

    public static bool TryParse(string? text, out WeeklyHours hours, out string error)
    {
        hours = new WeeklyHours();
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Hours are empty; write them like \"Mon-Fri 08:00-18:00; Sat 09:00-12:00\".";
            return false;
        }

        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (pieces.Length < 2 || !TryDays(pieces[0], out var days))
            {
                error = $"'{part}' should start with days such as Mon-Fri or Sat.";
                return false;
            }

            foreach (var range in pieces.Skip(1).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries)))
            {
                var bounds = range.Split('-');
                if (bounds.Length != 2 || !TryTime(bounds[0], out var open) || !TryTime(bounds[1], out var close) || (close <= open && close != TimeOnly.MaxValue))
                {
                    error = $"'{range}' in '{part}' should be a time range such as 08:00-18:00.";
                    return false;
                }

                foreach (var day in days)
                {
                    hours._days[day].Add((open, close));
                }
            }
        }

        foreach (var day in hours._days)
        {
            day.Sort((a, b) => a.Open.CompareTo(b.Open));
        }

        return true;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        for (var day = 1; day <= 7; day++)
        {
            var spans = _days[day % 7];
            if (spans.Count == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(DayNames[day % 7]).Append(' ').AppendJoin(',', spans.Select(s =>
                $"{s.Open:HH\\:mm}-{(s.Close == TimeOnly.MaxValue ? "24:00" : s.Close.ToString("HH\\:mm", CultureInfo.InvariantCulture))}"));
        }

        return text.ToString();
    }

    private static bool TryDays(string text, out List<int> days)
    {
        days = [];
        var range = text.Split('-');
        var first = Array.FindIndex(DayNames, d => d.Equals(range[0], StringComparison.OrdinalIgnoreCase));
        var last = range.Length == 2 ? Array.FindIndex(DayNames, d => d.Equals(range[1], StringComparison.OrdinalIgnoreCase)) : first;
        if (first < 0 || last < 0 || range.Length > 2)
        {
            return false;
        }

        // Monday-first order, so that Mon-Sun and Sat-Sun read as people mean them.
        var from = (first + 6) % 7;
        var to = (last + 6) % 7;
        if (to < from)
        {
            return false;
        }

        for (var i = from; i <= to; i++)
        {
            days.Add((i + 1) % 7);
        }

        return true;
    }

    private static bool TryTime(string text, out TimeOnly time)
    {
        if (text == "24:00")
        {
            time = TimeOnly.MaxValue;
            return true;
        }

        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
