using Comptoir.Features.Organisation;

namespace Comptoir.Features.Sites;

/// <summary>An activity a site is contracted or trained to handle.</summary>
public sealed class SiteActivity
{
    public int SiteId { get; set; }

    public int ActivityId { get; set; }

    public Activity? Activity { get; set; }
}
