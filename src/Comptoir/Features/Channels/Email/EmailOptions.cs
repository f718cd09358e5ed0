namespace Comptoir.Features.Channels.Email;

/// <summary>How mailboxes are read, under configuration section <c>Email</c>.</summary>
public sealed class EmailOptions
{
    /// <summary>Seconds between two readings of every enabled mailbox; 0 stops reading on this instance.</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>Messages fetched, parsed and stored together; one IMAP command fetches them all.</summary>
    public int FetchBatch { get; set; } = 200;

    /// <summary>Bytes fetched together at most, so that a few huge attachments never fill the memory.</summary>
    public long FetchBatchBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Mailboxes read at the same time.</summary>
    public int ParallelMailboxes { get; set; } = 4;

    /// <summary>A message that fails to be stored this many times in a row is kept raw for an administrator.</summary>
    public int MaxStoreAttempts { get; set; } = 3;

    /// <summary>Seconds an IMAP or SMTP server may stay silent before the operation is abandoned.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>
/// The SMTP server used when no mailbox of the conversation's activity is enabled (a web form answered by
/// e-mail on a deployment without mailboxes), under configuration section <c>Outbound:Smtp</c>.
/// </summary>
public sealed class FallbackSmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }
}
