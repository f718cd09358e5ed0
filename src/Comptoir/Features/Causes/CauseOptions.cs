namespace Comptoir.Features.Causes;

/// <summary>Settings of the section <c>Causes</c>.</summary>
public sealed class CauseOptions
{
    /// <summary>Below this probability the advisor is asked to pick the cause.</summary>
    public double ReviewBelow { get; set; } = 0.5;

    /// <summary>How often an instance checks for a newer model and for the causes of the day's top 5.</summary>
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>Local hour at which the scheduled retraining runs, if new labels arrived since the last model.</summary>
    public int RetrainHour { get; set; } = 3;

    /// <summary>How many causes make the day's top list.</summary>
    public int TopCount { get; set; } = 5;

    /// <summary>Local time of the daily digest, in the time zone of the country (the group's: Europe/Paris).</summary>
    public TimeOnly DigestAt { get; set; } = new(10, 0);
}
