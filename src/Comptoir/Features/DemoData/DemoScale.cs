namespace Comptoir.Features.DemoData;

public enum DemoScale
{
    /// <summary>A dozen French hypermarkets, one in each other country, a few advisors per site: starts in seconds.</summary>
    Small,

    /// <summary>The real organisation: 230 French hypermarkets, 500 advisors, the real daily volumes.</summary>
    Full,
}
