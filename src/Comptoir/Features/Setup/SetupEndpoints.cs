using Comptoir.Features.Setup.Advisors;
using Comptoir.Features.Setup.Queues;
using Comptoir.Features.Setup.RoutingRules;
using Comptoir.Features.Setup.ServiceLevels;
using Comptoir.Features.Setup.Templates;
using Comptoir.Features.Staff;

namespace Comptoir.Features.Setup;

/// <summary>
/// How the customer-service centre is set up, without touching the database: queues, routing rules, service
/// levels and opening hours (administrators), and advisors' profiles (administrators, and site managers for
/// their own site's advisors), answer templates (read by administrators and supervisors, changed by
/// administrators and in-house supervisors).
/// </summary>
public static class SetupEndpoints
{
    public static WebApplication MapServiceSetup(this WebApplication app)
    {
        var setup = app.MapGroup("/api/setup").WithTags("Service setup");
        var admin = setup.MapGroup("/").RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator));

        var queues = admin.MapGroup("/queues");
        queues.MapGet("/", ListQueues.HandleAsync).WithName("ListQueues").WithSummary("Every queue with what waits in it now.");
        queues.MapGet("/{id:int}", GetQueue.HandleAsync).WithName("GetQueue");
        queues.MapPost("/", SaveQueue.CreateAsync).WithName("CreateQueue").WithSummary("Adds a queue; home sites must be trained for its activity.");
        queues.MapPut("/{id:int}", SaveQueue.UpdateAsync).WithName("UpdateQueue");

        var rules = admin.MapGroup("/routing-rules");
        rules.MapGet("/", ListRoutingRules.HandleAsync).WithName("ListRoutingRules").WithSummary("The rules in the order they are tried, each with what it matches in words.");
        rules.MapGet("/try", TryRouting.HandleAsync).WithName("TryRouting").WithSummary("Which queue a contact would go to now, and by which rule.");
        rules.MapGet("/{id:int}", GetRoutingRule.HandleAsync).WithName("GetRoutingRule");
        rules.MapPost("/", SaveRoutingRule.CreateAsync).WithName("CreateRoutingRule").WithSummary("Adds a rule, tried after the others; a rule without criterion needs confirmCatchAll.");
        rules.MapPut("/{id:int}", SaveRoutingRule.UpdateAsync).WithName("UpdateRoutingRule");
        rules.MapDelete("/{id:int}", ChangeRoutingRule.DeleteAsync).WithName("DeleteRoutingRule");
        rules.MapPost("/{id:int}/enable", ChangeRoutingRule.EnableAsync).WithName("EnableRoutingRule");
        rules.MapPost("/{id:int}/disable", ChangeRoutingRule.DisableAsync).WithName("DisableRoutingRule");
        rules.MapPost("/{id:int}/move-up", MoveRoutingRule.UpAsync).WithName("MoveRoutingRuleUp").WithSummary("Tries the rule before the one above it.");
        rules.MapPost("/{id:int}/move-down", MoveRoutingRule.DownAsync).WithName("MoveRoutingRuleDown");

        var levels = admin.MapGroup("/service-levels");
        levels.MapGet("/", ListServiceLevels.HandleAsync).WithName("ListServiceLevels").WithSummary("Policies, and the one that applies to each activity and channel.");
        levels.MapGet("/{id:int}", GetServiceLevel.HandleAsync).WithName("GetServiceLevel");
        levels.MapPost("/", SaveServiceLevel.CreateAsync).WithName("CreateServiceLevel").WithSummary("Adds a policy: warning < first response <= resolution, in opening minutes.");
        levels.MapPut("/{id:int}", SaveServiceLevel.UpdateAsync).WithName("UpdateServiceLevel");
        levels.MapDelete("/{id:int}", DeleteServiceLevel.HandleAsync).WithName("DeleteServiceLevel");
        levels.MapGet("/sites", ListOpeningHours.SitesAsync).WithName("ListSiteServiceHours").WithSummary("Service sites' hours of service.");
        levels.MapPut("/sites/{id:int}/hours", SetOpeningHours.SiteAsync).WithName("SetSiteServiceHours");
        levels.MapGet("/stores", ListOpeningHours.StoresAsync).WithName("ListStoreOpeningHours").WithSummary("Opening hours of the stores matching q (50 at most).");
        levels.MapPut("/stores/{id:int}/hours", SetOpeningHours.StoreAsync).WithName("SetStoreOpeningHours");
        levels.MapGet("/closed-days", ListClosedDays.HandleAsync).WithName("ListClosedDays").WithSummary("Public holidays and closures of a year, on which clocks stop.");
        levels.MapPost("/closed-days", AddClosedDay.HandleAsync).WithName("AddClosedDay").WithSummary("Closes a day for a country (public holiday), a site or a store.");
        levels.MapPost("/closed-days/public-holidays", AddPublicHolidays.HandleAsync).WithName("AddPublicHolidays").WithSummary("Closes a year's national public holidays of a country.");
        levels.MapDelete("/closed-days/{id:int}", DeleteClosedDay.HandleAsync).WithName("DeleteClosedDay");

        var advisors = setup.MapGroup("/advisors").RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator, StaffRoles.SiteManager));
        advisors.MapGet("/", ListAdvisors.HandleAsync).WithName("ListAdvisors").WithSummary("Advisors with their skills, languages, capacities and presence; a site manager sees their site's only.");
        advisors.MapGet("/{id:int}", GetAdvisor.HandleAsync).WithName("GetAdvisor").WithSummary("An advisor's profile; 404 for another site's advisor.");
        advisors.MapPut("/{id:int}", SaveAdvisor.UpdateAsync).WithName("UpdateAdvisor").WithSummary("Changes skills, languages, hours and capacities, from the advisor's next conversation on.");

        var templates = setup.MapGroup("/templates").RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator, StaffRoles.Supervisor));
        templates.MapGet("/", ListTemplates.HandleAsync).WithName("ListTemplates").WithSummary("Answer templates, optionally of one activity or one language.");
        templates.MapGet("/{id:int}", GetTemplate.HandleAsync).WithName("GetTemplate");
        var templateChanges = templates.MapGroup("/").RequireAuthorization(TemplateEditors.Require);
        templateChanges.MapPost("/", SaveTemplate.CreateAsync).WithName("CreateTemplate").WithSummary("Adds a template; its title is unique for its language and activity, its placeholders known.");
        templateChanges.MapPut("/{id:int}", SaveTemplate.UpdateAsync).WithName("UpdateTemplate");
        templateChanges.MapPost("/{id:int}/disable", ChangeTemplate.DisableAsync).WithName("DisableTemplate").WithSummary("Withdraws the template from advisors' reply forms; it is kept.");
        templateChanges.MapPost("/{id:int}/enable", ChangeTemplate.EnableAsync).WithName("EnableTemplate");
        templates.MapPost("/preview", PreviewTemplate.HandleAsync).WithName("PreviewTemplate").WithSummary("A body filled for a conversation the reader may open, or for a sample one.");
        return app;
    }
}
