using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comptoir.Features.Channels;

/// <summary>
/// The common front of webhook channels: reads the raw body within its limit, checks the signature, and
/// keeps what cannot be understood byte for byte in the quarantine before answering, so that nothing a
/// provider delivered is ever dropped.
/// </summary>
public static class WebhookRequest
{
    public sealed record Read(byte[]? Body, IResult? Refusal);

    public static async Task<Read> ReadAsync(HttpRequest request, ChannelOptions.WebhookChannel channel, int maxBytes, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channel.Secret))
        {
            return new Read(null, TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Channel not configured",
                detail: "This channel has no shared secret yet: set Channels:<channel>:Secret in the configuration."));
        }

        if (request.ContentLength > maxBytes)
        {
            return new Read(null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return new Read(null, TooLarge(maxBytes));
            }
        }

        var body = buffer.ToArray();
        var problem = ChannelSignature.Check(
            channel.Secret,
            request.Headers[ChannelSignature.SignatureHeader],
            request.Headers[ChannelSignature.TimestampHeader],
            body,
            time.GetUtcNow());
        return problem is null
            ? new Read(body, null)
            : new Read(null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature refused", detail: problem));
    }

    /// <summary>
    /// Keeps an authentic but unreadable delivery for an administrator, and tells the sender it is kept. The id
    /// and reason may quote what the sender wrote: they are cut to fit their columns, the payload keeps it all.
    /// </summary>
    public static async Task<IResult> QuarantineAsync(ComptoirDbContext db, Channel channel, string source, string? externalId, byte[] body, string reason, TimeProvider time, CancellationToken cancellationToken)
    {
        var raw = new RawInbound
        {
            Channel = channel,
            Source = source,
            ExternalId = ColumnLimits.Fit<RawInbound>(db.Model, nameof(RawInbound.ExternalId), externalId),
            ReceivedAt = time.GetUtcNow(),
            Payload = body,
            Reason = ColumnLimits.Fit<RawInbound>(db.Model, nameof(RawInbound.Reason), reason)!,
            Status = RawInboundStatus.Flagged,
        };
        db.RawInbound.Add(raw);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new { status = "quarantined", id = raw.Id, reason = raw.Reason });
    }

    private static ProblemHttpResult TooLarge(int maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Body too large",
        detail: $"A webhook body may not exceed {maxBytes / 1024} KB.");
}
