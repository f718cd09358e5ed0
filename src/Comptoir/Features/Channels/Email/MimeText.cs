using MimeKit;

namespace Comptoir.Features.Channels.Email;

/// <summary>
/// Reading the customer's words out of a message whose MIME is careless or broken: text parts without a
/// usable charset, and text that a broken structure hides outside the parts (InboundEmailParser keeps the
/// original whenever this finds any).
/// </summary>
internal static class MimeText
{
    /// <summary>Strict UTF-8: invalid bytes throw, so that a text which is not UTF-8 is recognised as such.</summary>
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly System.Text.Encoding Windows1252 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>
    /// A text part's text in its declared charset. Without one (or with US-ASCII, which many programs declare
    /// whatever they send), UTF-8 when the bytes are valid UTF-8, else Windows-1252, the usual 8-bit text of
    /// Western mail. A charset that cannot be decoded marks the message malformed.
    /// </summary>
    public static string Decode(TextPart part, ref bool malformed)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        var bytes = content.ToArray();
        var charset = part.ContentType.Charset;
        if (charset is not null && !charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) && !charset.Equals("ascii", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return part.GetText(charset);
            }
            catch (NotSupportedException)
            {
                // MimeKit does not bring the Windows and other legacy code pages of .NET.
                if (System.Text.CodePagesEncodingProvider.Instance.GetEncoding(charset) is { } codePage)
                {
                    return codePage.GetString(bytes);
                }

                malformed = true;
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    /// <summary>
    /// Text a broken structure hides from the parts: a multipart without boundary (its whole content), or words
    /// before the first boundary or after the last one, other than the line left there for readers without MIME.
    /// </summary>
    public static List<string> Hidden(MimeEntity? entity)
    {
        var hidden = new List<string>();
        if (entity is Multipart multipart)
        {
            if (Readable(multipart.Preamble) is { } preamble)
            {
                hidden.Add(preamble);
            }

            foreach (var child in multipart)
            {
                hidden.AddRange(Hidden(child));
            }

            if (Readable(multipart.Epilogue) is { } epilogue)
            {
                hidden.Add(epilogue);
            }
        }

        return hidden;
    }

    private static string? Readable(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || IsMimeBoilerplate(trimmed) ? null : trimmed;
    }

    /// <summary>The line mail programs put before the first part for readers without MIME ("This is a multi-part message in MIME format.").</summary>
    private static bool IsMimeBoilerplate(string text) =>
        text.Length < 300 && text.StartsWith("This is a", StringComparison.OrdinalIgnoreCase) && text.Contains("MIME", StringComparison.OrdinalIgnoreCase);
}
