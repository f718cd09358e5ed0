namespace Comptoir.Features.Channels.Email;

public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// A customer-service mailbox read over IMAP and answered over SMTP. Every message read is stored before it
/// is flagged as seen on the server, so that a crash in between loses nothing (the next read finds it
/// again and recognises it as a duplicate).
/// </summary>
public sealed class Mailbox
{
    public int Id { get; set; }

    public required string Address { get; set; }

    public required string DisplayName { get; set; }

    public int ActivityId { get; set; }

    public int? StoreId { get; set; }

    public int? CountryId { get; set; }

    public required string ImapHost { get; set; }

    public int ImapPort { get; set; }

    public MailSecurity ImapSecurity { get; set; }

    public required string ImapUser { get; set; }

    /// <summary>Protected with ASP.NET Core data protection; never stored in clear.</summary>
    public required string ImapPasswordProtected { get; set; }

    public required string SmtpHost { get; set; }

    public int SmtpPort { get; set; }

    public MailSecurity SmtpSecurity { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpPasswordProtected { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset? LastPolledAt { get; set; }

    public string? LastError { get; set; }
}
