using System.ComponentModel.DataAnnotations;
using Comptoir.Features.Staff.Passwords;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Comptoir.Platform.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Staff;

/// <summary>
/// An administrator opens an account for a staff member, with the one place their role works in: a
/// service site, a store (and department), or a country.
/// </summary>
public static class CreateStaffMember
{
    public sealed record Request(
        [Required, MaxLength(120)] string DisplayName,
        [Required, EmailAddress, MaxLength(200)] string Email,
        StaffRole Role,
        int? SiteId,
        int? StoreId,
        int? DepartmentId,
        int? CountryId,
        [MaxLength(30)] string? Mobile,
        [Required] string Password);

    public static async Task<Results<Created<GetStaffMember.Response>, ValidationProblem>> HandleAsync(
        Request request,
        ComptoirDbContext db,
        UserManager<StaffMember> users,
        IStringLocalizer<Texts> t,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (member, errors) = await ExecuteAsync(request, db, users, t, time, cancellationToken);
        if (member is null)
        {
            return TypedResults.ValidationProblem(errors, title: t["Le compte n'a pas été créé."]);
        }

        var created = new GetStaffMember.Response(
            member.Id, member.DisplayName, member.Email, member.PhoneNumber, member.Role, null, null, null, null, Active: true);
        return TypedResults.Created($"/api/staff/{member.Id}", created);
    }

    /// <summary>Creates the member, or returns what is wrong with the request field by field.</summary>
    public static async Task<(StaffMember? Member, Dictionary<string, string[]> Errors)> ExecuteAsync(
        Request request,
        ComptoirDbContext db,
        UserManager<StaffMember> users,
        IStringLocalizer<Texts> t,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var member = new StaffMember
        {
            DisplayName = DisplayNames.Clean(request.DisplayName) ?? "",
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            Role = request.Role,
            CreatedAt = time.GetUtcNow(),
        };

        if (member.DisplayName.Length == 0)
        {
            Fail(nameof(Request.DisplayName), t["Saisissez le nom du collaborateur."]);
        }

        var callingCode = "33";
        if (request.Role.WorksOnSite())
        {
            if (request.SiteId is not { } siteId || !await db.ServiceSites.AnyAsync(s => s.Id == siteId, cancellationToken))
            {
                Fail(nameof(Request.SiteId), t["Choisissez le site de service où travaille ce collaborateur."]);
            }

            member.SiteId = request.SiteId;
        }
        else if (request.Role.WorksInStore())
        {
            var store = request.StoreId is { } storeId
                ? await db.Stores.Where(s => s.Id == storeId).Select(s => new { s.Id, s.CountryId, s.Country!.CallingCode }).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (store is null)
            {
                Fail(nameof(Request.StoreId), t["Choisissez le magasin où travaille ce collaborateur."]);
            }
            else
            {
                member.StoreId = store.Id;
                member.CountryId = store.CountryId;
                callingCode = store.CallingCode;
                if (request.Role == StaffRole.StoreDirector
                    && await db.Staff.AnyAsync(m => m.StoreId == store.Id && m.Role == StaffRole.StoreDirector, cancellationToken))
                {
                    Fail(nameof(Request.StoreId), t["Ce magasin a déjà un directeur : désactivez son compte avant d'en nommer un autre."]);
                }

                if (request.Role == StaffRole.DepartmentManager)
                {
                    var inStore = request.DepartmentId is { } departmentId && await db.Stores
                        .Where(s => s.Id == store.Id)
                        .SelectMany(s => s.Departments)
                        .AnyAsync(d => d.DepartmentId == departmentId, cancellationToken);
                    if (!inStore)
                    {
                        Fail(nameof(Request.DepartmentId), t["Choisissez un rayon de ce magasin."]);
                    }

                    member.DepartmentId = request.DepartmentId;
                }
            }
        }
        else if (request.Role is StaffRole.CountryExecutive or StaffRole.CommunityManager)
        {
            var country = request.CountryId is { } countryId
                ? await db.Countries.Where(c => c.Id == countryId).Select(c => new { c.Id, c.CallingCode }).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (country is null)
            {
                Fail(nameof(Request.CountryId), t["Choisissez le pays de ce collaborateur."]);
            }
            else
            {
                member.CountryId = country.Id;
                callingCode = country.CallingCode;
            }
        }

        if (!string.IsNullOrWhiteSpace(request.Mobile))
        {
            if (PhoneNumber.TryNormalize(request.Mobile, callingCode, out var mobile))
            {
                member.PhoneNumber = mobile;
            }
            else
            {
                Fail(nameof(Request.Mobile), t["Ce numéro de mobile n'est pas valide (exemple : 06 39 98 12 34 ou +33 6 39 98 12 34)."]);
            }
        }

        if (await users.FindByEmailAsync(member.Email) is not null)
        {
            Fail(nameof(Request.Email), t["Un compte existe déjà avec cette adresse e-mail."]);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var result = await users.CreateAsync(member, request.Password);
        if (!result.Succeeded)
        {
            errors[nameof(Request.Password)] = [.. result.Errors.Select(e => PasswordErrors.Describe(e, t))];
            return (null, errors);
        }

        return (member, errors);
    }
}
