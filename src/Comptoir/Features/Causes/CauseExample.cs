namespace Comptoir.Features.Causes;

public enum CauseExampleSource
{
    /// <summary>Written by an administrator when creating or describing a cause.</summary>
    Seed,

    /// <summary>The advisor kept the predicted cause when closing.</summary>
    Confirmed,

    /// <summary>The advisor chose another cause than the predicted one, or picked one the model was unsure of.</summary>
    Corrected,
}

/// <summary>A text labelled with its cause: what the model learns from.</summary>
public sealed class CauseExample
{
    public long Id { get; set; }

    public int CauseId { get; set; }

    public required string Text { get; set; }

    public CauseExampleSource Source { get; set; }

    /// <summary>The conversation an advisor labelled, so that a second close relabels instead of adding.</summary>
    public long? ConversationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
