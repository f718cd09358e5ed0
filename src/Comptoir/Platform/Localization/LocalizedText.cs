using System.Globalization;

namespace Comptoir.Platform.Localization;

/// <summary>
/// A short reference-data label in both languages of the UI. Reference data (countries, departments,
/// activities) is small and edited by administrators, so both labels live beside the record rather than in
/// resource files that only developers can change.
/// </summary>
public sealed record LocalizedText(string Fr, string En)
{
    public string In(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? En : Fr;

    public string Current => In(CultureInfo.CurrentUICulture);

    public override string ToString() => Current;
}
