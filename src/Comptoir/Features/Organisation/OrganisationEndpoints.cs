namespace Comptoir.Features.Organisation;

public static class OrganisationEndpoints
{
    public static WebApplication MapOrganisation(this WebApplication app)
    {
        app.MapGet("/api/organisation", GetReferenceData.HandleAsync)
            .WithTags("Organisation")
            .WithName("GetReferenceData")
            .WithSummary("Countries, store formats, store departments and service activities.");
        return app;
    }
}
