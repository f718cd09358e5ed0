namespace Comptoir.Platform.Localization;

/// <summary>
/// Marker for the UI's text resources. Keys are the French text itself, so French needs no resource file
/// and <c>Texts.en.resx</c> holds the English; a test checks every key used in a page has its English.
/// </summary>
public sealed class Texts;
