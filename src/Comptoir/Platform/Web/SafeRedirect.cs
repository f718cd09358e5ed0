namespace Comptoir.Platform.Web;

public static class SafeRedirect
{
    /// <summary>
    /// The given path if it stays on this site, otherwise the fallback: a "return to" parameter must never
    /// send a person to another site (open redirect). Browsers drop tabs and line breaks from addresses, so
    /// <c>/\t/evil.example</c> is <c>//evil.example</c> to them: a path with any control character is refused.
    /// </summary>
    public static string LocalOr(string? url, string fallback) =>
        url is { Length: > 0 } && url[0] == '/'
                               && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
                               && !url.Any(char.IsControl)
            ? url
            : fallback;
}
