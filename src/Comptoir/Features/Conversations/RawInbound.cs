namespace Comptoir.Features.Conversations;

public enum RawInboundStatus
{
    /// <summary>Could not be read; waits for an administrator.</summary>
    Flagged,

    /// <summary>Read again successfully after a fix.</summary>
    Reprocessed,

    /// <summary>An administrator decided it needs nothing (spam, test).</summary>
    Dismissed,
}

/// <summary>
/// Something a channel delivered that could not be turned into a message (malformed MIME, invalid JSON).
/// It is kept byte for byte and shown to administrators: nothing a customer sends is ever dropped.
/// </summary>
public sealed class RawInbound
{
    public long Id { get; set; }

    public Channel Channel { get; set; }

    /// <summary>Where it came from: a mailbox address, a webhook name.</summary>
    public required string Source { get; set; }

    public string? ExternalId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public byte[] Payload { get; set; } = [];

    public required string Reason { get; set; }

    public RawInboundStatus Status { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public int? ResolvedById { get; set; }
}
