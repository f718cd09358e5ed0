namespace Comptoir.Features.Channels.Phone;

public enum CallOutcome
{
    Answered,
    Missed,
    Abandoned,
}

/// <summary>A call as the telephony system reports it; a missed or abandoned call becomes a callback task.</summary>
public sealed class CallRecord
{
    public long Id { get; set; }

    /// <summary>The telephony system's call id: a call pushed twice is recorded once.</summary>
    public required string ExternalId { get; set; }

    public string? CallerNumber { get; set; }

    public int ActivityId { get; set; }

    public int? StoreId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public int WaitSeconds { get; set; }

    public int DurationSeconds { get; set; }

    public CallOutcome Outcome { get; set; }

    public int? AdvisorId { get; set; }

    /// <summary>The conversation the call belongs to; none for a missed call from a withheld number.</summary>
    public long? ConversationId { get; set; }
}
