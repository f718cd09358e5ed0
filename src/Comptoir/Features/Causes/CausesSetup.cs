using Comptoir.Features.Causes.Digests;
using Comptoir.Features.Causes.Emerging;
using Comptoir.Features.Causes.Taxonomy;
using Comptoir.Features.Staff;
using Comptoir.Platform.Data;

namespace Comptoir.Features.Causes;

public static class CausesSetup
{
    public static WebApplicationBuilder AddCauses(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CauseOptions>(builder.Configuration.GetSection("Causes"));
        builder.Services.Configure<EmergingJobOptions>(builder.Configuration.GetSection("Causes:Emerging"));
        builder.Services.AddSingleton<CauseClassifier>();
        builder.Services.AddScoped<TrainCauseModel>();
        builder.Services.AddSingleton<RetrainCauseModel>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetrainCauseModel>());
        builder.Services.AddSingleton<ProduceDigests>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProduceDigests>());
        builder.Services.AddSingleton<WatchEmergingIrritants>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WatchEmergingIrritants>());
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
        api.MapGet("/", async (ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken) => TypedResults.Ok(await ListCauses.QueryAsync(db, time.GetUtcNow(), cancellationToken)))
            .RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator))
            .WithName("ListCauses").WithSummary("The taxonomy as a tree, with each cause's contacts of the last 7 days and its examples.");
        api.MapPost("/", SaveCause.CreateAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator))
            .WithName("CreateCause").WithSummary("Creates a cause under a parent (or a domain without one).");
        api.MapPut("/{id:int}", SaveCause.UpdateAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator))
            .WithName("UpdateCause").WithSummary("Renames, moves, reassigns or deactivates a cause.");
        api.MapPost("/{id:int}/examples", AddCauseExamples.HandleAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator))
            .WithName("AddCauseExamples").WithSummary("Adds example sentences a customer would write about the cause.");

        var emerging = app.MapGroup("/api/irritants/emerging").WithTags("Causes")
            .RequireAuthorization(policy => policy.RequireRole(EmergingAccess.Roles.Split(',')));
        emerging.MapGet("/", ListEmergingIrritants.HandleAsync)
            .WithName("ListEmergingIrritants").WithSummary("Terms and causes surging today and on the last days (?days=7) in the reader's scope, with the contacts behind them.");
        emerging.MapPost("/{id:long}/cause", CreateCauseFromEmerging.HandleAsync).RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator))
            .WithName("CreateCauseFromEmerging").WithSummary("Creates a cause from an emerging term, labels its contacts with it and retrains the model.");
        emerging.MapPost("/{id:long}/dismiss", DismissEmergingIrritant.HandleAsync)
            .WithName("DismissEmergingIrritant").WithSummary("Dismisses an emerging irritant.");
        return app;
    }
}
