-- Admins and HR gain the smart-form permissions. New organisations get them from the role
-- templates; existing ones here.
insert into dir_role_permission (tenant_id, role_key, permission)
select r.tenant_id, r.role_key, p.permission
  from dir_role r
  join (values ('admin', 'forms.manage'), ('admin', 'forms.read'),
               ('hr', 'forms.manage'), ('hr', 'forms.read'))
       as p (role_key, permission) on p.role_key = r.role_key
 where r.built_in = true
   and not exists (select 1 from dir_role_permission x
                    where x.tenant_id = r.tenant_id and x.role_key = r.role_key and x.permission = p.permission);
