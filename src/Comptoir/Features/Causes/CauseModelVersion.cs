namespace Comptoir.Features.Causes;

/// <summary>
/// One trained classifier. Every prediction stores the version that made it, so that a correction can be
/// traced to the model that was wrong and the versions compared.
/// </summary>
public sealed class CauseModelVersion
{
    public int Id { get; set; }

    public DateTimeOffset TrainedAt { get; set; }

    public int ExampleCount { get; set; }

    public int CauseCount { get; set; }

    /// <summary>Accuracy on the examples held out from training, when there were enough to hold some out.</summary>
    public double? HeldOutAccuracy { get; set; }

    public long TrainingMilliseconds { get; set; }

    /// <summary>Who asked for it: <c>schedule</c>, <c>demo</c> or the staff member's e-mail.</summary>
    public required string TrainedBy { get; set; }

    public required byte[] Model { get; set; }
}
