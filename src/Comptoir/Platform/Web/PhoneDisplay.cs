namespace Comptoir.Platform.Web;

/// <summary>Shows an E.164 number the way people read it: French numbers in pairs (06 39 98 00 01).</summary>
public static class PhoneDisplay
{
    public static string Format(string e164)
    {
        if (e164.StartsWith("+33", StringComparison.Ordinal) && e164.Length == 12)
        {
            var national = "0" + e164[3..];
            return string.Join(' ', Enumerable.Range(0, 5).Select(i => national.Substring(i * 2, 2)));
        }

        return e164;
    }
}
