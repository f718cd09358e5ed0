namespace Comptoir.Features.Causes.Classification;

/// <summary>One training example: the text of a contact and the cause it was given.</summary>
public sealed record LabelledText(string Text, string Label);

/// <summary>The cause predicted for a text and its calibrated probability (0 to 1).</summary>
public readonly record struct CausePrediction(string Label, double Confidence);
