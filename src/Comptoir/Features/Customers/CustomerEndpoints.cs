namespace Comptoir.Features.Customers;

public static class CustomerEndpoints
{
    public static WebApplication MapCustomers(this WebApplication app)
    {
        var customers = app.MapGroup("/api/customers").WithTags("Customers");
        customers.MapGet("/", SearchCustomers.HandleAsync).WithName("SearchCustomers").WithSummary("By e-mail, phone, card, order number or name, within the member's scope.");
        customers.MapGet("/{id:long}", GetCustomer.HandleAsync).WithName("GetCustomer").WithSummary("A customer with every interaction, newest first.");
        customers.MapPost("/{id:long}/merges", MergeCustomers.HandleAsync).WithName("MergeCustomers").WithSummary("Merges another customer into this one.");
        customers.MapPost("/merges/{mergeId:long}/undo", UndoMerge.HandleAsync).WithName("UndoMerge");
        customers.MapPost("/duplicates/{proposalId:long}/dismiss", DismissDuplicate.HandleAsync).WithName("DismissDuplicate");
        return app;
    }
}
