namespace Comptoir.Features.Stores;

public static class StoreEndpoints
{
    public static WebApplication MapStores(this WebApplication app)
    {
        var staff = app.MapGroup("/api/stores").WithTags("Stores");
        staff.MapGet("/", ListStores.HandleAsync).WithName("ListStores").WithSummary("Stores the signed-in member may manage.");
        staff.MapGet("/{id:int}", GetStore.HandleAsync).WithName("GetStore").WithSummary("A store's internal card; 404 outside the member's scope.");

        var directory = app.MapGroup("/api/public/stores").WithTags("Public directory").AllowAnonymous();
        directory.MapGet("/", SearchStoreDirectory.HandleAsync).WithName("SearchStoreDirectory").WithSummary("Public store directory with each director's contact.");
        directory.MapGet("/{slug}", SearchStoreDirectory.GetAsync).WithName("GetDirectoryEntry").WithSummary("One store of the public directory.");

        app.MapGet("/magasins/{slug}/directeur.svg", DirectorPortrait.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
