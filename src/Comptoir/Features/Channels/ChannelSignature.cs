using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Comptoir.Features.Channels;

/// <summary>
/// Webhook signatures: the sender computes <c>HMAC-SHA256(secret, timestamp + "." + body)</c> and sends it
/// as <c>X-Comptoir-Signature: sha256=&lt;hex&gt;</c> with <c>X-Comptoir-Timestamp: &lt;unix seconds&gt;</c>.
/// A signature older than five minutes is refused, so a captured request cannot be replayed later.
/// </summary>
public static class ChannelSignature
{
    public const string SignatureHeader = "X-Comptoir-Signature";
    public const string TimestampHeader = "X-Comptoir-Timestamp";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var payload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));
    }

    /// <summary>Null when the request is authentic, else why it is not.</summary>
    public static string? Check(string secret, string? signature, string? timestamp, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return $"The request must carry the {SignatureHeader} and {TimestampHeader} headers.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return $"{TimestampHeader} must be the time in Unix seconds.";
        }

        // Compared in seconds: a timestamp past year 9999 is merely too far, not a date that cannot be built.
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)MaxAge.TotalSeconds)
        {
            return $"{TimestampHeader} is more than {MaxAge.TotalMinutes} minutes away from the server's clock: sign the request when sending it.";
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? null
            : "The signature does not match the body: check the shared secret and sign the exact bytes sent.";
    }
}
