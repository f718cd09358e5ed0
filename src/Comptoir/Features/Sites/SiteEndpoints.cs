namespace Comptoir.Features.Sites;

public static class SiteEndpoints
{
    public static WebApplication MapSites(this WebApplication app)
    {
        var sites = app.MapGroup("/api/sites").WithTags("Service sites");
        sites.MapGet("/", ListSites.HandleAsync).WithName("ListSites").WithSummary("Service sites the signed-in member may see.");
        sites.MapGet("/{id:int}", GetSite.HandleAsync).WithName("GetSite").WithSummary("A service site and its team; 404 outside the member's scope.");
        return app;
    }
}
