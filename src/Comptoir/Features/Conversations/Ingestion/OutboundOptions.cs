namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>How answers leave Comptoir, under configuration section <c>Outbound</c>.</summary>
public sealed class OutboundOptions
{
    /// <summary>Right-hand side of the Message-IDs Comptoir gives its e-mails, so that replies can be threaded.</summary>
    public string MessageIdDomain { get; set; } = "comptoir.local";

    /// <summary>Sender of e-mails for conversations that came in through no mailbox (web form).</summary>
    public string DefaultFromAddress { get; set; } = "service-client@comptoir.local";

    public string DefaultFromName { get; set; } = "Service client";

    /// <summary>Attempts before an outbound message is marked failed for an advisor to see.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;
}

public static class OutboundMessageId
{
    public static string New(string domain) => $"<{Guid.CreateVersion7():N}@{domain}>";
}
