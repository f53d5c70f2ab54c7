-- CRONUS-style demo data for the demo NAV company (${company}). Deterministic: the same rows on
-- every install. Loaded by DemoNavDatabase.install when the Customer table is empty.
-- Names and numbers follow the classic CRONUS International Ltd. demo company; addresses, phones and
-- e-mail addresses are made up (e-mail and web domains use the reserved .example top-level domain).

INSERT INTO [${company}$Salesperson_Purchaser]
  ([Code], [Name], [Commission _], [E-Mail], [Phone No_], [Job Title], [Search E-Mail], [Blocked])
VALUES
  ('BC', 'Benjamin Chiu', 0, 'benjamin.chiu@cronus.example', '+44 20 7946 0110', 'Purchasing Agent', 'BENJAMIN.CHIU@CRONUS.EXAMPLE', 0),
  ('JO', 'Jim Olive', 5, 'jim.olive@cronus.example', '+44 20 7946 0120', 'Sales Manager', 'JIM.OLIVE@CRONUS.EXAMPLE', 0),
  ('OF', 'Otis Falls', 5, 'otis.falls@cronus.example', '+44 20 7946 0130', 'Sales Representative', 'OTIS.FALLS@CRONUS.EXAMPLE', 0),
  ('PS', 'Peter Saddow', 5, 'peter.saddow@cronus.example', '+44 20 7946 0140', 'Sales Representative', 'PETER.SADDOW@CRONUS.EXAMPLE', 0),
  ('RB', 'Robin Bettencourt', 0, 'robin.bettencourt@cronus.example', '+44 20 7946 0150', 'Purchasing Manager', 'ROBIN.BETTENCOURT@CRONUS.EXAMPLE', 0);

INSERT INTO [${company}$Currency]
  ([Code], [Description], [Symbol], [ISO Code], [ISO Numeric Code], [Amount Rounding Precision], [Unit-Amount Rounding Precision], [Invoice Rounding Precision], [Amount Decimal Places], [Unit-Amount Decimal Places], [EMU Currency], [Unrealized Gains Acc_], [Realized Gains Acc_], [Unrealized Losses Acc_], [Realized Losses Acc_], [Last Date Modified])
VALUES
  ('CAD', 'Canadian dollar', '$', 'CAD', '124', 0.01, 0.00001, 0.01, '2:2', '2:5', 0, '9310', '9320', '9330', '9340', '2018-01-03'),
  ('DKK', 'Danish krone', 'kr.', 'DKK', '208', 0.01, 0.00001, 0.01, '2:2', '2:5', 0, '9310', '9320', '9330', '9340', '2018-01-03'),
  ('EUR', 'Euro', '€', 'EUR', '978', 0.01, 0.00001, 0.01, '2:2', '2:5', 1, '9310', '9320', '9330', '9340', '2018-01-03'),
  ('GBP', 'Pound sterling', '£', 'GBP', '826', 0.01, 0.00001, 0.01, '2:2', '2:5', 0, '9310', '9320', '9330', '9340', '2018-01-03'),
  ('USD', 'US dollar', '$', 'USD', '840', 0.01, 0.00001, 0.01, '2:2', '2:5', 0, '9310', '9320', '9330', '9340', '2018-01-03');

INSERT INTO [${company}$Payment Terms]
  ([Code], [Due Date Calculation], [Discount Date Calculation], [Discount _], [Description])
VALUES
  ('14 DAYS', '<14D>', '', 0, 'Net 14 days'),
  ('1M(8D)', '<1M>', '<8D>', 2, '1 Month/2% 8 days'),
  ('21 DAYS', '<21D>', '', 0, 'Net 21 days'),
  ('CM', '<CM>', '', 0, 'Current month'),
  ('COD', '<0D>', '', 0, 'Cash on delivery');

INSERT INTO [${company}$Shipment Method]
  ([Code], [Description])
VALUES
  ('CIF', 'Cost Insurance and Freight'),
  ('EXW', 'Ex Warehouse'),
  ('FOB', 'Free on Board'),
  ('PICKUP', 'Pickup at Location');

INSERT INTO [${company}$Shipping Agent]
  ([Code], [Name], [Internet Address])
VALUES
  ('DHL', 'DHL Systems, Inc.', 'www.dhl.example/track?id=%1'),
  ('FEDEX', 'Federal Express Corporation', 'www.fedex.example/track?id=%1'),
  ('OWN LOG.', 'Own Logistics', ''),
  ('UPS', 'UPS', 'www.ups.example/track?id=%1');

INSERT INTO [${company}$Customer]
  ([No_], [Name], [Search Name], [Address], [Address 2], [City], [Contact], [Phone No_], [Country_Region Code], [Post Code], [County], [E-Mail], [Home Page], [Fax No_], [Salesperson Code], [Currency Code], [Payment Terms Code], [Shipment Method Code], [Shipping Agent Code], [Credit Limit (LCY)], [Blocked], [Primary Contact No_], [Customer Posting Group], [Gen_ Bus_ Posting Group], [VAT Bus_ Posting Group], [VAT Registration No_], [Language Code], [Last Date Modified], [Last Modified Date Time])
VALUES
  ('10000', 'The Cannon Group PLC', 'THE CANNON GROUP PLC', '192 Market Square', '', 'Birmingham', 'Andy Teal', '+44 121 496 0100', 'GB', 'B27 4KT', '', 'info@cannongroup.example', 'www.cannongroup.example', '+44 121 496 0101', 'PS', '', '1M(8D)', 'EXW', 'DHL', 0, 0, 'CT000002', 'DOMESTIC', 'DOMESTIC', 'DOMESTIC', '789456278', 'ENU', '2017-01-20', '2017-01-20 09:00:00'),
  ('20000', 'Selangorian Ltd.', 'SELANGORIAN LTD.', '153 Thomas Drive', '', 'Coventry', 'Mark McArthur', '+44 24 7649 0200', 'GB', 'CV6 1GY', '', 'info@selangorian.example', 'www.selangorian.example', '', 'JO', '', '14 DAYS', 'CIF', 'UPS', 0, 0, 'CT000005', 'DOMESTIC', 'DOMESTIC', 'DOMESTIC', '254687456', 'ENU', '2017-02-14', '2017-02-14 09:03:00'),
  ('30000', 'John Haddock Insurance Co.', 'JOHN HADDOCK INSURANCE CO.', '10 High Tower Green', '', 'Manchester', 'Patricia Doyle', '+44 161 496 0300', 'GB', 'M61 2EY', '', 'info@haddock-insurance.example', 'www.haddock-insurance.example', '+44 161 496 0301', 'JO', '', '1M(8D)', 'EXW', 'DHL', 25000, 0, 'CT000007', 'DOMESTIC', 'DOMESTIC', 'DOMESTIC', '533435789', 'ENU', '2017-03-08', '2017-03-08 09:06:00'),
  ('40000', 'Deerfield Graphics Company', 'DEERFIELD GRAPHICS COMPANY', '10 Deerfield Road', '', 'Gloucester', 'Kevin Wright', '+44 1452 496 040', 'GB', 'GL1 9HM', '', 'info@deerfield-graphics.example', 'www.deerfield-graphics.example', '', 'PS', '', '14 DAYS', 'EXW', 'UPS', 0, 0, 'CT000011', 'DOMESTIC', 'DOMESTIC', 'DOMESTIC', '582048936', 'ENU', '2017-04-21', '2017-04-21 09:09:00'),
  ('50000', 'Guildford Water Department', 'GUILDFORD WATER DEPARTMENT', '10 Guildford Road', '', 'Guildford', 'Jim Stewart', '+44 1483 496 050', 'GB', 'GU2 7YQ', '', 'info@guildford-water.example', 'www.guildford-water.example', '+44 1483 496 051', 'PS', '', 'CM', 'EXW', 'OWN LOG.', 50000, 0, 'CT000013', 'DOMESTIC', 'DOMESTIC', 'DOMESTIC', '892741852', 'ENU', '2017-05-30', '2017-05-30 09:12:00'),
  ('60000', 'Blanemark Hifi Shop', 'BLANEMARK HIFI SHOP', '28 Baker Street', 'Unit 4', 'London', 'Dennis Robertson', '+44 20 7946 0600', 'GB', 'W2 8HG', '', 'info@blanemark.example', 'www.blanemark.example', '', 'OF', '', 'COD', 'PICKUP', '', 0, 3, 'CT000016', 'DOMESTIC', 'DOMESTIC', 'DOMESTIC', '294769528', 'ENU', '2017-06-12', '2017-06-12 09:15:00'),
  ('01121212', 'Spotsmeyer''s Furnishings', 'SPOTSMEYER''S FURNISHINGS', '612 South Sunset Drive', '', 'Miami', 'Mike Nash', '+1 305 555 0112', 'US', 'US-FL 37125', 'FL', 'info@spotsmeyer.example', 'www.spotsmeyer.example', '+1 305 555 0113', 'JO', 'USD', '21 DAYS', 'FOB', 'FEDEX', 0, 0, 'CT000018', 'FOREIGN', 'FOREIGN', 'EXPORT', '', 'ENU', '2017-07-03', '2017-07-03 09:18:00'),
  ('01445544', 'Progressive Home Furnishings', 'PROGRESSIVE HOME FURNISHINGS', '3000 Roosevelt Blvd.', '', 'Chicago', 'Scott Mitchell', '+1 312 555 0144', 'US', 'US-IL 61236', 'IL', 'info@progressive-home.example', 'www.progressive-home.example', '', 'JO', 'USD', '14 DAYS', 'FOB', 'FEDEX', 1000, 0, 'CT000021', 'FOREIGN', 'FOREIGN', 'EXPORT', '', 'ENU', '2017-08-25', '2017-08-25 09:21:00'),
  ('01454545', 'New Concepts Furniture', 'NEW CONCEPTS FURNITURE', '705 West Peachtree Street', 'Suite 1200', 'Atlanta', 'Tammy L. McDonald', '+1 404 555 0145', 'US', 'US-GA 31772', 'GA', 'info@newconcepts.example', 'www.newconcepts.example', '+1 404 555 0146', 'OF', 'USD', '1M(8D)', 'FOB', 'UPS', 0, 0, 'CT000023', 'FOREIGN', 'FOREIGN', 'EXPORT', '', 'ENU', '2017-09-15', '2017-09-15 09:24:00'),
  ('01905893', 'Maple Leaf Office Interiors Ltd.', 'MAPLE LEAF OFFICE INTERIORS LTD.', '200 Bay Street', '', 'Toronto', 'Chantal Tremblay', '+1 416 555 0190', 'CA', 'M5J 2J2', 'ON', 'info@mapleleaf-interiors.example', 'www.mapleleaf-interiors.example', '', 'OF', 'CAD', '21 DAYS', 'CIF', 'UPS', 15000, 0, 'CT000027', 'FOREIGN', 'FOREIGN', 'EXPORT', '', 'ENC', '2017-10-02', '2017-10-02 09:27:00'),
  ('31505050', 'Woonboulevard Kuitenbrouwer', 'WOONBOULEVARD KUITENBROUWER', 'Ringweg 75', '', 'Zutphen', 'Frans Kuitenbrouwer', '+31 575 555 050', 'NL', 'NL-7201 KJ', '', 'info@kuitenbrouwer.example', 'www.kuitenbrouwer.example', '', 'JO', 'EUR', '14 DAYS', 'CIF', 'DHL', 0, 0, 'CT000030', 'EU', 'EU', 'EU', 'NL123456789B01', 'NLD', '2017-01-20', '2017-01-20 09:30:00'),
  ('31669966', 'Meersen Meubelen', 'MEERSEN MEUBELEN', 'Kieboomstraat 8', '', 'Rotterdam', 'Ria de Groot', '+31 10 555 0669', 'NL', 'NL-3011 AB', '', 'info@meersen.example', 'www.meersen.example', '+31 10 555 0670', 'JO', 'EUR', '1M(8D)', 'CIF', 'DHL', 20000, 0, 'CT000032', 'EU', 'EU', 'EU', 'NL789456123B01', 'NLD', '2017-02-14', '2017-02-14 09:33:00'),
  ('31987987', 'Candoxy Nederland BV', 'CANDOXY NEDERLAND BV', 'Kuiperstraat 152', '', 'Eindhoven', 'Pieter Jansen', '+31 40 555 0987', 'NL', 'NL-5611 GG', '', 'info@candoxy.example', 'www.candoxy.example', '', 'OF', 'EUR', '14 DAYS', 'EXW', 'DHL', 0, 2, 'CT000035', 'EU', 'EU', 'EU', 'NL456789123B01', 'NLD', '2017-03-08', '2017-03-08 09:36:00'),
  ('32124578', 'Nieuwe Zandpoort NV', 'NIEUWE ZANDPOORT NV', 'Zandpoortvest 60', '', 'Mechelen', 'An Peeters', '+32 15 555 124', 'BE', 'BE-2800', '', 'info@zandpoort.example', 'www.zandpoort.example', '', 'PS', 'EUR', '1M(8D)', 'CIF', 'UPS', 0, 0, 'CT000037', 'EU', 'EU', 'EU', 'BE0123456789', 'NLB', '2017-04-21', '2017-04-21 09:39:00'),
  ('32656565', 'Antarcticopy', 'ANTARCTICOPY', 'Hoveniersstraat 21', '', 'Antwerpen', 'Michel Dubois', '+32 3 555 0656', 'BE', 'BE-2018', '', 'info@antarcticopy.example', 'www.antarcticopy.example', '+32 3 555 0657', 'PS', 'EUR', 'CM', 'CIF', 'UPS', 10000, 0, 'CT000040', 'EU', 'EU', 'EU', 'BE0987654321', 'NLB', '2017-05-30', '2017-05-30 09:42:00'),
  ('43687129', 'Designstudio Gmunden', 'DESIGNSTUDIO GMUNDEN', 'Traunsteinstraße 12', '', 'Gmunden', 'Thomas Huber', '+43 7612 555 43', 'AT', 'AT-4810', '', 'info@designstudio-gmunden.example', 'www.designstudio-gmunden.example', '', 'OF', 'EUR', '21 DAYS', 'EXW', 'DHL', 0, 0, 'CT000044', 'EU', 'EU', 'EU', 'ATU12345678', 'DEA', '2017-06-12', '2017-06-12 09:45:00'),
  ('45282828', 'Candoxy Kontor A/S', 'CANDOXY KONTOR A/S', 'Vesterbrogade 80', '', 'København V', 'Jesper Nielsen', '+45 33 55 52 82', 'DK', 'DK-1620', '', 'info@candoxy-kontor.example', 'www.candoxy-kontor.example', '', 'JO', 'DKK', '14 DAYS', 'CIF', 'DHL', 75000, 0, 'CT000046', 'EU', 'EU', 'EU', 'DK28282828', 'DAN', '2017-07-03', '2017-07-03 09:48:00'),
  ('45779977', 'Ravel Møbler', 'RAVEL MØBLER', 'Nørregade 7', '', 'Odense C', 'Karen Sørensen', '+45 66 55 77 99', 'DK', 'DK-5000', '', 'info@ravel-moebler.example', 'www.ravel-moebler.example', '+45 66 55 78 00', 'PS', 'DKK', '1M(8D)', 'EXW', 'OWN LOG.', 0, 0, 'CT000049', 'EU', 'EU', 'EU', 'DK77997799', 'DAN', '2017-08-25', '2017-08-25 09:51:00'),
  ('49525252', 'Beef House', 'BEEF HOUSE', 'Hohenzollernring 21', '', 'Köln', 'Karl Schmidt', '+49 221 555 5252', 'DE', 'DE-50672', '', 'info@beefhouse.example', 'www.beefhouse.example', '', 'OF', 'EUR', 'COD', 'PICKUP', '', 0, 0, 'CT000051', 'EU', 'EU', 'EU', 'DE123456789', 'DEU', '2017-09-15', '2017-09-15 09:54:00'),
  ('49633663', 'Autohaus Mielberg KG', 'AUTOHAUS MIELBERG KG', 'Mühlenweg 8', '', 'Hamburg', 'Frank Mielberg', '+49 40 555 6336', 'DE', 'DE-20097', '', 'info@mielberg.example', 'www.mielberg.example', '+49 40 555 6337', 'OF', 'EUR', '14 DAYS', 'CIF', 'DHL', 0, 3, 'CT000054', 'EU', 'EU', 'EU', 'DE987654321', 'DEU', '2017-10-02', '2017-10-02 09:57:00');

INSERT INTO [${company}$Contact]
  ([No_], [Type], [Company No_], [Company Name], [Name], [Search Name], [First Name], [Middle Name], [Surname], [Job Title], [Salutation Code], [Address], [Address 2], [City], [Post Code], [County], [Country_Region Code], [Phone No_], [Mobile Phone No_], [Fax No_], [Pager], [E-Mail], [Home Page], [Salesperson Code], [Currency Code], [Language Code], [VAT Registration No_], [Last Date Modified])
VALUES
  ('CT000001', 0, 'CT000001', 'The Cannon Group PLC', 'The Cannon Group PLC', 'THE CANNON GROUP PLC', '', '', '', '', 'COMPANY', '192 Market Square', '', 'Birmingham', 'B27 4KT', '', 'GB', '+44 121 496 0100', '', '+44 121 496 0101', '', 'info@cannongroup.example', 'www.cannongroup.example', 'PS', '', 'ENU', '789456278', '2017-01-20'),
  ('CT000002', 1, 'CT000001', 'The Cannon Group PLC', 'Andy Teal', 'ANDY TEAL', 'Andy', '', 'Teal', 'Purchasing Manager', 'M-JOB', '192 Market Square', '', 'Birmingham', 'B27 4KT', '', 'GB', '+44 121 496 0111', '+44 7700 900074', '', '', 'andy.teal@cannongroup.example', '', 'PS', '', 'ENU', '', '2017-01-20'),
  ('CT000003', 1, 'CT000001', 'The Cannon Group PLC', 'Kim Akers', 'KIM AKERS', 'Kim', '', 'Akers', 'Accountant', 'F-JOB', '192 Market Square', '', 'Birmingham', 'B27 4KT', '', 'GB', '+44 121 496 0122', '+44 7700 900111', '', '', 'kim.akers@cannongroup.example', '', 'PS', '', 'ENU', '', '2017-01-20'),
  ('CT000004', 0, 'CT000004', 'Selangorian Ltd.', 'Selangorian Ltd.', 'SELANGORIAN LTD.', '', '', '', '', 'COMPANY', '153 Thomas Drive', '', 'Coventry', 'CV6 1GY', '', 'GB', '+44 24 7649 0200', '', '', '', 'info@selangorian.example', 'www.selangorian.example', 'JO', '', 'ENU', '254687456', '2017-02-14'),
  ('CT000005', 1, 'CT000004', 'Selangorian Ltd.', 'Mark McArthur', 'MARK MCARTHUR', 'Mark', '', 'McArthur', 'Owner', 'M-JOB', '153 Thomas Drive', '', 'Coventry', 'CV6 1GY', '', 'GB', '+44 24 7649 0211', '+44 7700 900185', '', '', 'mark.mcarthur@selangorian.example', '', 'JO', '', 'ENU', '', '2017-02-14'),
  ('CT000006', 0, 'CT000006', 'John Haddock Insurance Co.', 'John Haddock Insurance Co.', 'JOHN HADDOCK INSURANCE CO.', '', '', '', '', 'COMPANY', '10 High Tower Green', '', 'Manchester', 'M61 2EY', '', 'GB', '+44 161 496 0300', '', '+44 161 496 0301', '', 'info@haddock-insurance.example', 'www.haddock-insurance.example', 'JO', '', 'ENU', '533435789', '2017-03-08'),
  ('CT000007', 1, 'CT000006', 'John Haddock Insurance Co.', 'Patricia Doyle', 'PATRICIA DOYLE', 'Patricia', '', 'Doyle', 'Office Manager', 'F-JOB', '10 High Tower Green', '', 'Manchester', 'M61 2EY', '', 'GB', '+44 161 496 0311', '+44 7700 900259', '', '', 'patricia.doyle@haddock-insurance.example', '', 'JO', '', 'ENU', '', '2017-03-08'),
  ('CT000008', 1, 'CT000006', 'John Haddock Insurance Co.', 'Ian Deberry', 'IAN DEBERRY', 'Ian', '', 'Deberry', 'Purchaser', 'M-JOB', '10 High Tower Green', '', 'Manchester', 'M61 2EY', '', 'GB', '+44 161 496 0322', '+44 7700 900296', '', '', 'ian.deberry@haddock-insurance.example', '', 'JO', '', 'ENU', '', '2017-03-08'),
  ('CT000009', 1, 'CT000006', 'John Haddock Insurance Co.', 'Helen Ray', 'HELEN RAY', 'Helen', '', 'Ray', 'Facilities Manager', 'F-JOB', '10 High Tower Green', '', 'Manchester', 'M61 2EY', '', 'GB', '+44 161 496 0333', '+44 7700 900333', '', 'PG-0063', 'helen.ray@haddock-insurance.example', '', 'JO', '', 'ENU', '', '2017-03-08'),
  ('CT000010', 0, 'CT000010', 'Deerfield Graphics Company', 'Deerfield Graphics Company', 'DEERFIELD GRAPHICS COMPANY', '', '', '', '', 'COMPANY', '10 Deerfield Road', '', 'Gloucester', 'GL1 9HM', '', 'GB', '+44 1452 496 040', '', '', '', 'info@deerfield-graphics.example', 'www.deerfield-graphics.example', 'PS', '', 'ENU', '582048936', '2017-04-21'),
  ('CT000011', 1, 'CT000010', 'Deerfield Graphics Company', 'Kevin Wright', 'KEVIN WRIGHT', 'Kevin', '', 'Wright', 'Managing Director', 'M-JOB', '10 Deerfield Road', '', 'Gloucester', 'GL1 9HM', '', 'GB', '+44 1452 496 051', '+44 7700 900407', '', '', 'kevin.wright@deerfield-graphics.example', '', 'PS', '', 'ENU', '', '2017-04-21'),
  ('CT000012', 0, 'CT000012', 'Guildford Water Department', 'Guildford Water Department', 'GUILDFORD WATER DEPARTMENT', '', '', '', '', 'COMPANY', '10 Guildford Road', '', 'Guildford', 'GU2 7YQ', '', 'GB', '+44 1483 496 050', '', '+44 1483 496 051', '', 'info@guildford-water.example', 'www.guildford-water.example', 'PS', '', 'ENU', '892741852', '2017-05-30'),
  ('CT000013', 1, 'CT000012', 'Guildford Water Department', 'Jim Stewart', 'JIM STEWART', 'Jim', '', 'Stewart', 'Procurement Officer', 'M-JOB', '10 Guildford Road', '', 'Guildford', 'GU2 7YQ', '', 'GB', '+44 1483 496 061', '+44 7700 900481', '', '', 'jim.stewart@guildford-water.example', '', 'PS', '', 'ENU', '', '2017-05-30'),
  ('CT000014', 1, 'CT000012', 'Guildford Water Department', 'Linda Martin', 'LINDA MARTIN', 'Linda', '', 'Martin', 'Accounts Payable', 'F-JOB', '10 Guildford Road', '', 'Guildford', 'GU2 7YQ', '', 'GB', '+44 1483 496 072', '+44 7700 900518', '', '', 'linda.martin@guildford-water.example', '', 'PS', '', 'ENU', '', '2017-05-30'),
  ('CT000015', 0, 'CT000015', 'Blanemark Hifi Shop', 'Blanemark Hifi Shop', 'BLANEMARK HIFI SHOP', '', '', '', '', 'COMPANY', '28 Baker Street', 'Unit 4', 'London', 'W2 8HG', '', 'GB', '+44 20 7946 0600', '', '', '', 'info@blanemark.example', 'www.blanemark.example', 'OF', '', 'ENU', '294769528', '2017-06-12'),
  ('CT000016', 1, 'CT000015', 'Blanemark Hifi Shop', 'Dennis Robertson', 'DENNIS ROBERTSON', 'Dennis', '', 'Robertson', 'Shop Owner', 'M-JOB', '28 Baker Street', 'Unit 4', 'London', 'W2 8HG', '', 'GB', '+44 20 7946 0611', '+44 7700 900592', '', '', 'dennis.robertson@blanemark.example', '', 'OF', '', 'ENU', '', '2017-06-12'),
  ('CT000017', 0, 'CT000017', 'Spotsmeyer''s Furnishings', 'Spotsmeyer''s Furnishings', 'SPOTSMEYER''S FURNISHINGS', '', '', '', '', 'COMPANY', '612 South Sunset Drive', '', 'Miami', 'US-FL 37125', 'FL', 'US', '+1 305 555 0112', '', '+1 305 555 0113', '', 'info@spotsmeyer.example', 'www.spotsmeyer.example', 'JO', 'USD', 'ENU', '', '2017-07-03'),
  ('CT000018', 1, 'CT000017', 'Spotsmeyer''s Furnishings', 'Mike Nash', 'MIKE NASH', 'Mike', '', 'Nash', 'Purchasing Agent', 'M-JOB', '612 South Sunset Drive', '', 'Miami', 'US-FL 37125', 'FL', 'US', '+1 305 555 0123', '+1 202 555 0666', '', 'PG-0126', 'mike.nash@spotsmeyer.example', '', 'JO', 'USD', 'ENU', '', '2017-07-03'),
  ('CT000019', 1, 'CT000017', 'Spotsmeyer''s Furnishings', 'Anne Wallace', 'ANNE WALLACE', 'Anne', '', 'Wallace', 'Store Manager', 'F-JOB', '612 South Sunset Drive', '', 'Miami', 'US-FL 37125', 'FL', 'US', '+1 305 555 0134', '+1 202 555 0703', '', '', 'anne.wallace@spotsmeyer.example', '', 'JO', 'USD', 'ENU', '', '2017-07-03'),
  ('CT000020', 0, 'CT000020', 'Progressive Home Furnishings', 'Progressive Home Furnishings', 'PROGRESSIVE HOME FURNISHINGS', '', '', '', '', 'COMPANY', '3000 Roosevelt Blvd.', '', 'Chicago', 'US-IL 61236', 'IL', 'US', '+1 312 555 0144', '', '', '', 'info@progressive-home.example', 'www.progressive-home.example', 'JO', 'USD', 'ENU', '', '2017-08-25'),
  ('CT000021', 1, 'CT000020', 'Progressive Home Furnishings', 'Scott Mitchell', 'SCOTT MITCHELL', 'Scott', '', 'Mitchell', 'Buyer', 'M-JOB', '3000 Roosevelt Blvd.', '', 'Chicago', 'US-IL 61236', 'IL', 'US', '+1 312 555 0155', '+1 202 555 0777', '', '', 'scott.mitchell@progressive-home.example', '', 'JO', 'USD', 'ENU', '', '2017-08-25'),
  ('CT000022', 0, 'CT000022', 'New Concepts Furniture', 'New Concepts Furniture', 'NEW CONCEPTS FURNITURE', '', '', '', '', 'COMPANY', '705 West Peachtree Street', 'Suite 1200', 'Atlanta', 'US-GA 31772', 'GA', 'US', '+1 404 555 0145', '', '+1 404 555 0146', '', 'info@newconcepts.example', 'www.newconcepts.example', 'OF', 'USD', 'ENU', '', '2017-09-15'),
  ('CT000023', 1, 'CT000022', 'New Concepts Furniture', 'Tammy L. McDonald', 'TAMMY L. MCDONALD', 'Tammy', 'L.', 'McDonald', 'Chief Buyer', 'F-JOB', '705 West Peachtree Street', 'Suite 1200', 'Atlanta', 'US-GA 31772', 'GA', 'US', '+1 404 555 0156', '+1 202 555 0851', '', '', 'tammy.mcdonald@newconcepts.example', '', 'OF', 'USD', 'ENU', '', '2017-09-15'),
  ('CT000024', 1, 'CT000022', 'New Concepts Furniture', 'Robert Brown', 'ROBERT BROWN', 'Robert', '', 'Brown', 'Warehouse Manager', 'M-JOB', '705 West Peachtree Street', 'Suite 1200', 'Atlanta', 'US-GA 31772', 'GA', 'US', '+1 404 555 0167', '+1 202 555 0888', '', '', 'robert.brown@newconcepts.example', '', 'OF', 'USD', 'ENU', '', '2017-09-15'),
  ('CT000025', 1, 'CT000022', 'New Concepts Furniture', 'Jenny Lysaker', 'JENNY LYSAKER', 'Jenny', '', 'Lysaker', 'Accountant', 'F-JOB', '705 West Peachtree Street', 'Suite 1200', 'Atlanta', 'US-GA 31772', 'GA', 'US', '+1 404 555 0178', '+1 202 555 0925', '', '', 'jenny.lysaker@newconcepts.example', '', 'OF', 'USD', 'ENU', '', '2017-09-15'),
  ('CT000026', 0, 'CT000026', 'Maple Leaf Office Interiors Ltd.', 'Maple Leaf Office Interiors Ltd.', 'MAPLE LEAF OFFICE INTERIORS LTD.', '', '', '', '', 'COMPANY', '200 Bay Street', '', 'Toronto', 'M5J 2J2', 'ON', 'CA', '+1 416 555 0190', '', '', '', 'info@mapleleaf-interiors.example', 'www.mapleleaf-interiors.example', 'OF', 'CAD', 'ENC', '', '2017-10-02'),
  ('CT000027', 1, 'CT000026', 'Maple Leaf Office Interiors Ltd.', 'Chantal Tremblay', 'CHANTAL TREMBLAY', 'Chantal', '', 'Tremblay', 'Office Manager', 'F-JOB', '200 Bay Street', '', 'Toronto', 'M5J 2J2', 'ON', 'CA', '+1 416 555 0101', '+1 613 555 0999', '', 'PG-0189', 'chantal.tremblay@mapleleaf-interiors.example', '', 'OF', 'CAD', 'ENC', '', '2017-10-02'),
  ('CT000028', 1, 'CT000026', 'Maple Leaf Office Interiors Ltd.', 'Liam Gagnon', 'LIAM GAGNON', 'Liam', '', 'Gagnon', 'Purchaser', 'M-JOB', '200 Bay Street', '', 'Toronto', 'M5J 2J2', 'ON', 'CA', '+1 416 555 0112', '+1 613 555 0036', '', '', 'liam.gagnon@mapleleaf-interiors.example', '', 'OF', 'CAD', 'ENC', '', '2017-10-02'),
  ('CT000029', 0, 'CT000029', 'Woonboulevard Kuitenbrouwer', 'Woonboulevard Kuitenbrouwer', 'WOONBOULEVARD KUITENBROUWER', '', '', '', '', 'COMPANY', 'Ringweg 75', '', 'Zutphen', 'NL-7201 KJ', '', 'NL', '+31 575 555 050', '', '', '', 'info@kuitenbrouwer.example', 'www.kuitenbrouwer.example', 'JO', 'EUR', 'NLD', 'NL123456789B01', '2017-01-20'),
  ('CT000030', 1, 'CT000029', 'Woonboulevard Kuitenbrouwer', 'Frans Kuitenbrouwer', 'FRANS KUITENBROUWER', 'Frans', '', 'Kuitenbrouwer', 'Eigenaar', 'M-JOB', 'Ringweg 75', '', 'Zutphen', 'NL-7201 KJ', '', 'NL', '+31 575 555 061', '+31 6 5555 0110', '', '', 'frans.kuitenbrouwer@kuitenbrouwer.example', '', 'JO', 'EUR', 'NLD', '', '2017-01-20'),
  ('CT000031', 0, 'CT000031', 'Meersen Meubelen', 'Meersen Meubelen', 'MEERSEN MEUBELEN', '', '', '', '', 'COMPANY', 'Kieboomstraat 8', '', 'Rotterdam', 'NL-3011 AB', '', 'NL', '+31 10 555 0669', '', '+31 10 555 0670', '', 'info@meersen.example', 'www.meersen.example', 'JO', 'EUR', 'NLD', 'NL789456123B01', '2017-02-14'),
  ('CT000032', 1, 'CT000031', 'Meersen Meubelen', 'Ria de Groot', 'RIA DE GROOT', 'Ria', '', 'de Groot', 'Inkoper', 'F-JOB', 'Kieboomstraat 8', '', 'Rotterdam', 'NL-3011 AB', '', 'NL', '+31 10 555 0680', '+31 6 5555 0184', '', '', 'ria.degroot@meersen.example', '', 'JO', 'EUR', 'NLD', '', '2017-02-14'),
  ('CT000033', 1, 'CT000031', 'Meersen Meubelen', 'Joost van Dijk', 'JOOST VAN DIJK', 'Joost', 'van', 'Dijk', 'Directeur', 'M-JOB', 'Kieboomstraat 8', '', 'Rotterdam', 'NL-3011 AB', '', 'NL', '+31 10 555 0691', '+31 6 5555 0221', '', '', 'joost.dijk@meersen.example', '', 'JO', 'EUR', 'NLD', '', '2017-02-14'),
  ('CT000034', 0, 'CT000034', 'Candoxy Nederland BV', 'Candoxy Nederland BV', 'CANDOXY NEDERLAND BV', '', '', '', '', 'COMPANY', 'Kuiperstraat 152', '', 'Eindhoven', 'NL-5611 GG', '', 'NL', '+31 40 555 0987', '', '', '', 'info@candoxy.example', 'www.candoxy.example', 'OF', 'EUR', 'NLD', 'NL456789123B01', '2017-03-08'),
  ('CT000035', 1, 'CT000034', 'Candoxy Nederland BV', 'Pieter Jansen', 'PIETER JANSEN', 'Pieter', '', 'Jansen', 'Inkoopmanager', 'M-JOB', 'Kuiperstraat 152', '', 'Eindhoven', 'NL-5611 GG', '', 'NL', '+31 40 555 0998', '+31 6 5555 0295', '', '', 'pieter.jansen@candoxy.example', '', 'OF', 'EUR', 'NLD', '', '2017-03-08'),
  ('CT000036', 0, 'CT000036', 'Nieuwe Zandpoort NV', 'Nieuwe Zandpoort NV', 'NIEUWE ZANDPOORT NV', '', '', '', '', 'COMPANY', 'Zandpoortvest 60', '', 'Mechelen', 'BE-2800', '', 'BE', '+32 15 555 124', '', '', '', 'info@zandpoort.example', 'www.zandpoort.example', 'PS', 'EUR', 'NLB', 'BE0123456789', '2017-04-21'),
  ('CT000037', 1, 'CT000036', 'Nieuwe Zandpoort NV', 'An Peeters', 'AN PEETERS', 'An', '', 'Peeters', 'Zaakvoerder', 'F-JOB', 'Zandpoortvest 60', '', 'Mechelen', 'BE-2800', '', 'BE', '+32 15 555 135', '+32 470 55 5369', '', '', 'an.peeters@zandpoort.example', '', 'PS', 'EUR', 'NLB', '', '2017-04-21'),
  ('CT000038', 1, 'CT000036', 'Nieuwe Zandpoort NV', 'Luc Maes', 'LUC MAES', 'Luc', '', 'Maes', 'Boekhouder', 'M-JOB', 'Zandpoortvest 60', '', 'Mechelen', 'BE-2800', '', 'BE', '+32 15 555 146', '+32 470 55 5406', '', '', 'luc.maes@zandpoort.example', '', 'PS', 'EUR', 'NLB', '', '2017-04-21'),
  ('CT000039', 0, 'CT000039', 'Antarcticopy', 'Antarcticopy', 'ANTARCTICOPY', '', '', '', '', 'COMPANY', 'Hoveniersstraat 21', '', 'Antwerpen', 'BE-2018', '', 'BE', '+32 3 555 0656', '', '+32 3 555 0657', '', 'info@antarcticopy.example', 'www.antarcticopy.example', 'PS', 'EUR', 'NLB', 'BE0987654321', '2017-05-30'),
  ('CT000040', 1, 'CT000039', 'Antarcticopy', 'Michel Dubois', 'MICHEL DUBOIS', 'Michel', '', 'Dubois', 'Directeur', 'M-JOB', 'Hoveniersstraat 21', '', 'Antwerpen', 'BE-2018', '', 'BE', '+32 3 555 0667', '+32 470 55 5480', '', '', 'michel.dubois@antarcticopy.example', '', 'PS', 'EUR', 'NLB', '', '2017-05-30'),
  ('CT000041', 1, 'CT000039', 'Antarcticopy', 'Sophie Lambert', 'SOPHIE LAMBERT', 'Sophie', '', 'Lambert', 'Acheteuse', 'F-JOB', 'Hoveniersstraat 21', '', 'Antwerpen', 'BE-2018', '', 'BE', '+32 3 555 0678', '+32 470 55 5517', '', '', 'sophie.lambert@antarcticopy.example', '', 'PS', 'EUR', 'NLB', '', '2017-05-30'),
  ('CT000042', 1, 'CT000039', 'Antarcticopy', 'Marc Claes', 'MARC CLAES', 'Marc', '', 'Claes', 'Logistiek', 'M-JOB', 'Hoveniersstraat 21', '', 'Antwerpen', 'BE-2018', '', 'BE', '+32 3 555 0689', '+32 470 55 5554', '', '', 'marc.claes@antarcticopy.example', '', 'PS', 'EUR', 'NLB', '', '2017-05-30'),
  ('CT000043', 0, 'CT000043', 'Designstudio Gmunden', 'Designstudio Gmunden', 'DESIGNSTUDIO GMUNDEN', '', '', '', '', 'COMPANY', 'Traunsteinstraße 12', '', 'Gmunden', 'AT-4810', '', 'AT', '+43 7612 555 43', '', '', '', 'info@designstudio-gmunden.example', 'www.designstudio-gmunden.example', 'OF', 'EUR', 'DEA', 'ATU12345678', '2017-06-12'),
  ('CT000044', 1, 'CT000043', 'Designstudio Gmunden', 'Thomas Huber', 'THOMAS HUBER', 'Thomas', '', 'Huber', 'Geschäftsführer', 'M-JOB', 'Traunsteinstraße 12', '', 'Gmunden', 'AT-4810', '', 'AT', '+43 7612 555 54', '+43 664 555 0628', '', '', 'thomas.huber@designstudio-gmunden.example', '', 'OF', 'EUR', 'DEA', '', '2017-06-12'),
  ('CT000045', 0, 'CT000045', 'Candoxy Kontor A/S', 'Candoxy Kontor A/S', 'CANDOXY KONTOR A/S', '', '', '', '', 'COMPANY', 'Vesterbrogade 80', '', 'København V', 'DK-1620', '', 'DK', '+45 33 55 52 82', '', '', '', 'info@candoxy-kontor.example', 'www.candoxy-kontor.example', 'JO', 'DKK', 'DAN', 'DK28282828', '2017-07-03'),
  ('CT000046', 1, 'CT000045', 'Candoxy Kontor A/S', 'Jesper Nielsen', 'JESPER NIELSEN', 'Jesper', '', 'Nielsen', 'Indkøbschef', 'M-JOB', 'Vesterbrogade 80', '', 'København V', 'DK-1620', '', 'DK', '+45 33 55 52 93', '+45 20 55 5702', '', '', 'jesper.nielsen@candoxy-kontor.example', '', 'JO', 'DKK', 'DAN', '', '2017-07-03'),
  ('CT000047', 1, 'CT000045', 'Candoxy Kontor A/S', 'Mette Hansen', 'METTE HANSEN', 'Mette', '', 'Hansen', 'Bogholder', 'F-JOB', 'Vesterbrogade 80', '', 'København V', 'DK-1620', '', 'DK', '+45 33 55 52 04', '+45 20 55 5739', '', '', 'mette.hansen@candoxy-kontor.example', '', 'JO', 'DKK', 'DAN', '', '2017-07-03'),
  ('CT000048', 0, 'CT000048', 'Ravel Møbler', 'Ravel Møbler', 'RAVEL MØBLER', '', '', '', '', 'COMPANY', 'Nørregade 7', '', 'Odense C', 'DK-5000', '', 'DK', '+45 66 55 77 99', '', '+45 66 55 78 00', '', 'info@ravel-moebler.example', 'www.ravel-moebler.example', 'PS', 'DKK', 'DAN', 'DK77997799', '2017-08-25'),
  ('CT000049', 1, 'CT000048', 'Ravel Møbler', 'Karen Sørensen', 'KAREN SØRENSEN', 'Karen', '', 'Sørensen', 'Indehaver', 'F-JOB', 'Nørregade 7', '', 'Odense C', 'DK-5000', '', 'DK', '+45 66 55 77 10', '+45 20 55 5813', '', '', 'karen.sørensen@ravel-moebler.example', '', 'PS', 'DKK', 'DAN', '', '2017-08-25'),
  ('CT000050', 0, 'CT000050', 'Beef House', 'Beef House', 'BEEF HOUSE', '', '', '', '', 'COMPANY', 'Hohenzollernring 21', '', 'Köln', 'DE-50672', '', 'DE', '+49 221 555 5252', '', '', '', 'info@beefhouse.example', 'www.beefhouse.example', 'OF', 'EUR', 'DEU', 'DE123456789', '2017-09-15'),
  ('CT000051', 1, 'CT000050', 'Beef House', 'Karl Schmidt', 'KARL SCHMIDT', 'Karl', '', 'Schmidt', 'Inhaber', 'M-JOB', 'Hohenzollernring 21', '', 'Köln', 'DE-50672', '', 'DE', '+49 221 555 5263', '+49 151 555 0887', '', '', 'karl.schmidt@beefhouse.example', '', 'OF', 'EUR', 'DEU', '', '2017-09-15'),
  ('CT000052', 1, 'CT000050', 'Beef House', 'Anna Becker', 'ANNA BECKER', 'Anna', '', 'Becker', 'Einkauf', 'F-JOB', 'Hohenzollernring 21', '', 'Köln', 'DE-50672', '', 'DE', '+49 221 555 5274', '+49 151 555 0924', '', '', 'anna.becker@beefhouse.example', '', 'OF', 'EUR', 'DEU', '', '2017-09-15'),
  ('CT000053', 0, 'CT000053', 'Autohaus Mielberg KG', 'Autohaus Mielberg KG', 'AUTOHAUS MIELBERG KG', '', '', '', '', 'COMPANY', 'Mühlenweg 8', '', 'Hamburg', 'DE-20097', '', 'DE', '+49 40 555 6336', '', '+49 40 555 6337', '', 'info@mielberg.example', 'www.mielberg.example', 'OF', 'EUR', 'DEU', 'DE987654321', '2017-10-02'),
  ('CT000054', 1, 'CT000053', 'Autohaus Mielberg KG', 'Frank Mielberg', 'FRANK MIELBERG', 'Frank', '', 'Mielberg', 'Geschäftsführer', 'M-JOB', 'Mühlenweg 8', '', 'Hamburg', 'DE-20097', '', 'DE', '+49 40 555 6347', '+49 151 555 0998', '', 'PG-0378', 'frank.mielberg@mielberg.example', '', 'OF', 'EUR', 'DEU', '', '2017-10-02');

INSERT INTO [${company}$Contact Business Relation]
  ([Contact No_], [Business Relation Code], [Link to Table], [No_])
VALUES
  ('CT000001', 'CUST', 1, '10000'),
  ('CT000004', 'CUST', 1, '20000'),
  ('CT000006', 'CUST', 1, '30000'),
  ('CT000010', 'CUST', 1, '40000'),
  ('CT000012', 'CUST', 1, '50000'),
  ('CT000015', 'CUST', 1, '60000'),
  ('CT000017', 'CUST', 1, '01121212'),
  ('CT000020', 'CUST', 1, '01445544'),
  ('CT000022', 'CUST', 1, '01454545'),
  ('CT000026', 'CUST', 1, '01905893'),
  ('CT000029', 'CUST', 1, '31505050'),
  ('CT000031', 'CUST', 1, '31669966'),
  ('CT000034', 'CUST', 1, '31987987'),
  ('CT000036', 'CUST', 1, '32124578'),
  ('CT000039', 'CUST', 1, '32656565'),
  ('CT000043', 'CUST', 1, '43687129'),
  ('CT000045', 'CUST', 1, '45282828'),
  ('CT000048', 'CUST', 1, '45779977'),
  ('CT000050', 'CUST', 1, '49525252'),
  ('CT000053', 'CUST', 1, '49633663');

INSERT INTO [${company}$Item]
  ([No_], [Description], [Search Description], [Description 2], [Base Unit of Measure], [Type], [Inventory Posting Group], [Unit Price], [Profit _], [Unit Cost], [Standard Cost], [Last Direct Cost], [Vendor No_], [Vendor Item No_], [Lead Time Calculation], [Gross Weight], [Net Weight], [Unit Volume], [Blocked], [Gen_ Prod_ Posting Group], [VAT Prod_ Posting Group], [Item Category Code], [Sales Unit of Measure], [Purch_ Unit of Measure], [Last Date Modified])
VALUES
  ('1896-S', 'ATHENS Desk', 'ATHENS DESK', '', 'PCS', 0, 'RESALE', 1000.8, 21.99241, 780.7, 780.7, 780.7, '30000', '1896-S-V', '<1W>', 45, 40.5, 0.75, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-01-20'),
  ('1900-S', 'PARIS Guest Chair, black', 'PARIS GUEST CHAIR, BLACK', '', 'PCS', 0, 'RESALE', 192.8, 22.04357, 150.3, 150.3, 150.3, '30000', '1900-S-V', '<1W>', 8, 7.2, 0.3, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-02-14'),
  ('1906-S', 'ATHENS Mobile Pedestal', 'ATHENS MOBILE PEDESTAL', '', 'PCS', 0, 'RESALE', 281.4, 21.99716, 219.5, 219.5, 219.5, '30000', '1906-S-V', '<1W>', 22, 19.8, 0.2, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-03-08'),
  ('1908-S', 'LONDON Swivel Chair, blue', 'LONDON SWIVEL CHAIR, BLUE', '', 'PCS', 0, 'RESALE', 190.1, 21.98843, 148.3, 148.3, 148.3, '30000', '1908-S-V', '<1W>', 12, 10.8, 0.35, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-04-21'),
  ('1920-S', 'ANTWERP Conference Table', 'ANTWERP CONFERENCE TABLE', '', 'PCS', 0, 'RESALE', 649.4, 21.98953, 506.6, 506.6, 506.6, '30000', '1920-S-V', '<1W>', 60, 54, 1.2, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-05-30'),
  ('1925-W', 'Conference Bundle 1-6', 'CONFERENCE BUNDLE 1-6', '', 'PCS', 0, 'RESALE', 1434.8, 21.9961, 1119.2, 1119.2, 1119.2, '', '', '', 0, 0, 0, 0, 'RETAIL', 'VAT25', 'STORAGE', 'PCS', 'PCS', '2017-06-12'),
  ('1928-S', 'AMSTERDAM Lamp', 'AMSTERDAM LAMP', '', 'PCS', 0, 'RESALE', 54.9, 22.04007, 42.8, 42.8, 42.8, '10000', '1928-S-V', '<1W>', 2.5, 2.25, 0.05, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-07-03'),
  ('1928-W', 'ST.MORITZ Storage Unit/Drawers', 'ST.MORITZ STORAGE UNIT/DRAWERS', '', 'PCS', 0, 'RESALE', 401.8, 22.001, 313.4, 313.4, 313.4, '20000', '1928-W-V', '<1W>', 35, 31.5, 0.6, 0, 'RETAIL', 'VAT25', 'STORAGE', 'PCS', 'PCS', '2017-08-25'),
  ('1936-S', 'BERLIN Guest Chair, yellow', 'BERLIN GUEST CHAIR, YELLOW', '', 'PCS', 0, 'RESALE', 192.8, 22.04357, 150.3, 150.3, 150.3, '30000', '1936-S-V', '<1W>', 8, 7.2, 0.3, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-09-15'),
  ('1952-W', 'OSLO Storage Unit/Shelf', 'OSLO STORAGE UNIT/SHELF', '', 'PCS', 0, 'RESALE', 169.4, 22.01889, 132.1, 132.1, 132.1, '20000', '1952-W-V', '<1W>', 20, 18, 0.5, 0, 'RETAIL', 'VAT25', 'STORAGE', 'PCS', 'PCS', '2017-10-02'),
  ('1960-S', 'ROME Guest Chair, green', 'ROME GUEST CHAIR, GREEN', '', 'PCS', 0, 'RESALE', 192.8, 22.04357, 150.3, 150.3, 150.3, '30000', '1960-S-V', '<1W>', 8, 7.2, 0.3, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-01-20'),
  ('1964-S', 'TOKYO Guest Chair, blue', 'TOKYO GUEST CHAIR, BLUE', '', 'PCS', 0, 'RESALE', 192.8, 22.04357, 150.3, 150.3, 150.3, '30000', '1964-S-V', '<1W>', 8, 7.2, 0.3, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-02-14'),
  ('1964-W', 'INNSBRUCK Storage Unit/G.Door', 'INNSBRUCK STORAGE UNIT/G.DOOR', '', 'PCS', 0, 'RESALE', 412.6, 22.00679, 321.8, 321.8, 321.8, '20000', '1964-W-V', '<1W>', 38, 34.2, 0.65, 0, 'RETAIL', 'VAT25', 'STORAGE', 'PCS', 'PCS', '2017-03-08'),
  ('1968-S', 'MEXICO Swivel Chair, black', 'MEXICO SWIVEL CHAIR, BLACK', '', 'PCS', 0, 'RESALE', 190.1, 21.98843, 148.3, 148.3, 148.3, '30000', '1968-S-V', '<1W>', 12, 10.8, 0.35, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-04-21'),
  ('1968-W', 'GRENOBLE Whiteboard, red', 'GRENOBLE WHITEBOARD, RED', '', 'PCS', 0, 'RESALE', 1415.3, 21.99534, 1104, 1104, 1104, '10000', '1968-W-V', '<1W>', 25, 22.5, 0.4, 0, 'RETAIL', 'VAT25', 'STORAGE', 'PCS', 'PCS', '2017-05-30'),
  ('1972-S', 'MUNICH Swivel Chair, yellow', 'MUNICH SWIVEL CHAIR, YELLOW', '', 'PCS', 0, 'RESALE', 190.1, 21.98843, 148.3, 148.3, 148.3, '30000', '1972-S-V', '<1W>', 12, 10.8, 0.35, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-06-12'),
  ('1980-S', 'MOSCOW Swivel Chair, red', 'MOSCOW SWIVEL CHAIR, RED', '', 'PCS', 0, 'RESALE', 190.1, 21.98843, 148.3, 148.3, 148.3, '30000', '1980-S-V', '<1W>', 12, 10.8, 0.35, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-07-03'),
  ('1988-S', 'SEOUL Guest Chair, red', 'SEOUL GUEST CHAIR, RED', '', 'PCS', 0, 'RESALE', 192.8, 22.04357, 150.3, 150.3, 150.3, '30000', '1988-S-V', '<1W>', 8, 7.2, 0.3, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-08-25'),
  ('1996-S', 'ATLANTA Whiteboard, base', 'ATLANTA WHITEBOARD, BASE', '', 'PCS', 0, 'RESALE', 1397.3, 21.99241, 1090, 1090, 1090, '10000', '1996-S-V', '<1W>', 30, 27, 0.45, 0, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-09-15'),
  ('2000-S', 'SYDNEY Swivel Chair, green', 'SYDNEY SWIVEL CHAIR, GREEN', '', 'PCS', 0, 'RESALE', 190.1, 21.98843, 148.3, 148.3, 148.3, '30000', '2000-S-V', '<1W>', 12, 10.8, 0.35, 1, 'RETAIL', 'VAT25', 'FURNITURE', 'PCS', 'PCS', '2017-10-02');
