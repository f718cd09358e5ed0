using System.Globalization;
using System.Text.RegularExpressions;

namespace Comptoir.Platform.Data;

/// <summary>
/// A statement written once for both databases, run in a batch with others (<see cref="BulkInsert.InsertAsync"/>):
/// <c>{0}</c>, <c>{1}</c>... in <see cref="Text"/> stand for <see cref="Parameters"/>, as in EF Core's raw SQL.
/// </summary>
public sealed partial record SqlStatement(string Text, IReadOnlyList<object?> Parameters)
{
    /// <summary>The text with each placeholder written as the provider names parameter <c>i</c>.</summary>
    public string Format(Func<int, string> parameterName) =>
        Placeholder().Replace(Text, match => parameterName(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
