namespace Comptoir.Features.Staff.Mail;

public enum StaffMailStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// An e-mail to a staff member (the morning digest), stored in the transaction that decides to send it and
/// sent by <see cref="SendStaffMail"/>: a failed send is retried, never lost.
/// </summary>
public sealed class StaffMail
{
    public long Id { get; set; }

    public int? StaffMemberId { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    /// <summary>Plain text.</summary>
    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public StaffMailStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? Error { get; set; }
}
