using Comptoir.Features.Causes.Digests;
using Comptoir.Features.Staff;

namespace Comptoir.Features.Causes;

public static class CausesSetup
{
    public static WebApplicationBuilder AddCauses(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CauseOptions>(builder.Configuration.GetSection("Causes"));
        builder.Services.AddSingleton<CauseClassifier>();
        builder.Services.AddScoped<TrainCauseModel>();
        builder.Services.AddSingleton<RetrainCauseModel>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetrainCauseModel>());
        builder.Services.AddSingleton<ProduceDigests>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProduceDigests>());
        return builder;
    }

    public static WebApplication MapCauses(this WebApplication app)
    {
        var api = app.MapGroup("/api/causes").WithTags("Causes");
        api.MapPost("/model", TrainCauseModel.HandleAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator))
            .WithName("TrainCauseModel").WithSummary("Trains a new cause model on every labelled example now, and makes it the one that predicts.");
        api.MapPut("/{id:int}/action", UpdateCauseAction.HandleAsync)
            .WithName("UpdateCauseAction").WithSummary("The owning team's action on a cause (plan and status); members of that team and administrators only.");

        var irritants = app.MapGroup("/api/irritants").WithTags("Irritants");
        irritants.MapGet("/digests", ListDigests.HandleAsync)
            .WithName("ListDigests").WithSummary("The daily top-5 digests the member may read, newest first; scope Group or Country with its id, and a local date, narrow it.");
        irritants.MapGet("/digests/{id:long}", GetDigest.HandleAsync)
            .WithName("GetDigest").WithSummary("A digest with each cause's rank, count, trend, verbatims, owning team and action; 404 outside the member's scope.");
        return app;
    }
}
