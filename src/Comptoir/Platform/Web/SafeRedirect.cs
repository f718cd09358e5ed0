namespace Comptoir.Platform.Web;

public static class SafeRedirect
{
    /// <summary>
    /// The given path if it stays on this site, otherwise the fallback: a "return to" parameter must never
    /// send a person to another site (open redirect).
    /// </summary>
    public static string LocalOr(string? url, string fallback) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : fallback;
}
