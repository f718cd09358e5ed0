namespace Comptoir.Features.DemoData;

/// <summary>The 230 French hypermarkets of the demo organisation, read from the embedded hypermarkets-fr.csv.</summary>
internal static class FrenchHypermarketList
{
    public sealed record Row(string Label, string City, string PostalCode, string Address);

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(Load);

    public static IReadOnlyList<Row> Read() => Rows.Value;

    private static List<Row> Load()
    {
        using var stream = typeof(FrenchHypermarketList).Assembly.GetManifestResourceStream("Comptoir.DemoData.hypermarkets-fr.csv")
            ?? throw new InvalidOperationException("The embedded list of French hypermarkets is missing from the build.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = new List<Row>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (fields.Length == 4)
            {
                rows.Add(new Row(fields[0], fields[1], fields[2], fields[3]));
            }
        }

        return rows;
    }
}
