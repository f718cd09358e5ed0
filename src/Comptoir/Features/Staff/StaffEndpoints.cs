namespace Comptoir.Features.Staff;

public static class StaffEndpoints
{
    public static WebApplication MapStaff(this WebApplication app)
    {
        app.MapGet("/api/me", GetMe.Handle).WithTags("Staff").WithName("GetMe").WithSummary("The signed-in member and their scope.");

        var staff = app.MapGroup("/api/staff").WithTags("Staff");
        staff.MapGet("/", ListStaff.HandleAsync).WithName("ListStaff").WithSummary("Staff the member may see.");
        staff.MapGet("/{id:int}", GetStaffMember.HandleAsync).WithName("GetStaffMember").WithSummary("A staff profile; 404 outside the member's scope.");

        var admin = staff.MapGroup("/").RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator));
        admin.MapPost("/", CreateStaffMember.HandleAsync).WithName("CreateStaffMember").WithSummary("Open an account (administrators).");
        admin.MapPost("/{id:int}/deactivate", SetStaffMemberActive.DeactivateAsync).WithName("DeactivateStaffMember");
        admin.MapPost("/{id:int}/reactivate", SetStaffMemberActive.ReactivateAsync).WithName("ReactivateStaffMember");
        return app;
    }
}
