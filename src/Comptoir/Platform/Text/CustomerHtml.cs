using Ganss.Xss;

namespace Comptoir.Platform.Text;

/// <summary>
/// HTML written by customers, made safe to show to staff: no script, no event handler, no form, no remote
/// image or style that would call home. What remains is text formatting and links.
/// </summary>
public static class CustomerHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "div", "span", "b", "strong", "i", "em", "u", "ul", "ol", "li", "blockquote", "pre", "code", "a", "table", "thead", "tbody", "tr", "td", "th", "h1", "h2", "h3", "h4", "hr" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "noopener noreferrer nofollow");
                anchor.SetAttribute("target", "_blank");
            }
        };
        return sanitizer;
    }

    /// <summary>Readable text from HTML, for previews, search and classification.</summary>
    public static string ToText(string html)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var document = parser.ParseDocument(html);
        foreach (var block in document.QuerySelectorAll("br, p, div, li, tr, h1, h2, h3, h4"))
        {
            block.InsertBefore(document.CreateTextNode("\n"), block.FirstChild);
        }

        var text = document.Body?.TextContent ?? "";
        return string.Join('\n', text.Split('\n').Select(line => line.Trim()).Where((line, i) => line.Length > 0 || i == 0)).Trim();
    }
}
